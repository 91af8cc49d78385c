package org.socialwork.platform.csv;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV for the people who open exports in a spreadsheet: UTF-8 with a byte-order mark (so
 * that spreadsheet software in Chinese locales reads the names right), CRLF line ends, a field
 * quoted when it holds a comma, a quote or a line break, and text that a spreadsheet would run as a
 * formula defused with a leading apostrophe (CSV injection), since names and addresses come from
 * users. A {@code null} cell is written empty, any other cell as its {@code toString()}.
 */
public final class CsvWriter implements Flushable {

    /** The media type of what this writer produces. */
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    /**
     * Whether a cell that is nothing but a negative number ({@code -5}, {@code -0.25}) is defused
     * too: it starts like a formula, but cannot do anything a formula could.
     */
    public enum NegativeNumbers {
        /** Defused like any other text starting with {@code -}: the spreadsheet shows {@code '-5} as text. */
        AS_TEXT,
        /** Written as they are, so that the spreadsheet reads numbers it can sum and sort. */
        AS_NUMBERS
    }

    private static final String FORMULA_LEADS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Writer out;
    private final NegativeNumbers negativeNumbers;

    private CsvWriter(Writer out, NegativeNumbers negativeNumbers) {
        this.out = out;
        this.negativeNumbers = negativeNumbers;
    }

    /**
     * Starts a CSV document on {@code out} with the byte-order mark. Rows are buffered: call
     * {@link #flush()} to push them to {@code out}; closing {@code out} stays with the caller.
     */
    public static CsvWriter start(OutputStream out, NegativeNumbers negativeNumbers) throws IOException {
        CsvWriter csv = new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                negativeNumbers);
        csv.out.write('\uFEFF');
        return csv;
    }

    /** A whole CSV document, byte-order mark included, of {@code header} followed by {@code rows}. */
    public static byte[] write(List<?> header, Iterable<? extends List<?>> rows, NegativeNumbers negativeNumbers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CsvWriter csv = start(bytes, negativeNumbers);
            csv.row(header);
            for (List<?> row : rows) {
                csv.row(row);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to take a write", e);
        }
        return bytes.toByteArray();
    }

    /** Writes one record: the cells in order, separated by commas, ended by CRLF. */
    public CsvWriter row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i), negativeNumbers));
        }
        out.write("\r\n");
        return this;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** One field as it stands in the file: defused when it starts like a formula, then quoted if needed. */
    static String cell(Object value, NegativeNumbers negativeNumbers) {
        String text = value == null ? "" : value.toString();
        if (startsLikeFormula(text)
                && !(negativeNumbers == NegativeNumbers.AS_NUMBERS && PLAIN_NUMBER.matcher(text).matches())) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean startsLikeFormula(String text) {
        return !text.isEmpty() && FORMULA_LEADS.indexOf(text.charAt(0)) >= 0;
    }
}
