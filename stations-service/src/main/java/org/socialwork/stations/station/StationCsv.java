package org.socialwork.stations.station;

import java.util.List;
import java.util.stream.Collectors;

/** The columns of the station export, one station per row; {@code CsvWriter} makes the file of them. */
final class StationCsv {

    static final List<String> HEADER = List.of("id", "name", "level", "regionCode", "regionName", "status", "parentId",
            "operationMode", "agencyId", "agencyName", "address", "establishedOn", "floorAreaM2", "designations",
            "meetsStandard", "builtAndOperating", "wgs84Latitude", "wgs84Longitude", "version", "updatedAt");

    private StationCsv() {
    }

    static List<String> cells(StationView s) {
        return List.of(
                s.id().toString(), s.name(), s.level().name(), s.regionCode(), text(s.regionName()), s.status().name(),
                text(s.parentId()), s.operationMode().name(), text(s.agencyId()), text(s.agencyName()),
                text(s.address()), text(s.establishedOn()),
                s.facilities() == null || s.facilities().floorAreaM2() == null ? "" : s.facilities().floorAreaM2().toPlainString(),
                s.designations() == null ? "" : s.designations().stream()
                        .map(d -> d.kind() + "/" + d.level() + "/" + d.year()).collect(Collectors.joining(";")),
                String.valueOf(s.meetsStandard()), String.valueOf(s.builtAndOperating()),
                s.position() == null ? "" : String.valueOf(s.position().wgs84Latitude()),
                s.position() == null ? "" : String.valueOf(s.position().wgs84Longitude()),
                String.valueOf(s.version()), s.updatedAt().toString());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
