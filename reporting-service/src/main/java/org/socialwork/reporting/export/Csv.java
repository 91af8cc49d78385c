package org.socialwork.reporting.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so that spreadsheet software in Chinese locales
 * reads the names right), with text a spreadsheet would run as a formula defused (CSV injection):
 * region, station and project names come from users.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private Csv() {
    }

    static byte[] write(Table table) {
        StringBuilder text = new StringBuilder("\uFEFF");
        row(text, table.header());
        for (List<Object> cells : table.rows()) {
            row(text, cells);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder text, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i) == null ? "" : cells.get(i).toString()));
        }
        text.append("\r\n");
    }

    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
