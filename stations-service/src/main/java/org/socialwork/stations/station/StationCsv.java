package org.socialwork.stations.station;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/** The CSV layout of the station export (RFC 4180, one station per row). */
final class StationCsv {

    static final List<String> HEADER = List.of("id", "name", "level", "regionCode", "regionName", "status", "parentId",
            "operationMode", "agencyId", "agencyName", "address", "establishedOn", "floorAreaM2", "designations",
            "meetsStandard", "builtAndOperating", "wgs84Latitude", "wgs84Longitude", "version", "updatedAt");

    private StationCsv() {
    }

    static void header(Writer out) throws IOException {
        row(out, HEADER);
    }

    static void row(Writer out, StationView s) throws IOException {
        row(out, List.of(
                s.id().toString(), s.name(), s.level().name(), s.regionCode(), text(s.regionName()), s.status().name(),
                text(s.parentId()), s.operationMode().name(), text(s.agencyId()), text(s.agencyName()),
                text(s.address()), text(s.establishedOn()),
                s.facilities() == null || s.facilities().floorAreaM2() == null ? "" : s.facilities().floorAreaM2().toPlainString(),
                s.designations() == null ? "" : s.designations().stream()
                        .map(d -> d.kind() + "/" + d.level() + "/" + d.year()).collect(Collectors.joining(";")),
                String.valueOf(s.meetsStandard()), String.valueOf(s.builtAndOperating()),
                s.position() == null ? "" : String.valueOf(s.position().wgs84Latitude()),
                s.position() == null ? "" : String.valueOf(s.position().wgs84Longitude()),
                String.valueOf(s.version()), s.updatedAt().toString()));
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * Quotes when needed, and defuses text that a spreadsheet would run as a formula (CSV
     * injection) since names and addresses come from users.
     */
    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
