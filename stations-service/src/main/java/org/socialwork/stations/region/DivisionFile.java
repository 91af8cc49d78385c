package org.socialwork.stations.region;

/**
 * The five files of the national division list (format of the {@code china-division} data set):
 * header row, UTF-8, quoted names; the third column is the parent's code.
 */
enum DivisionFile {
    PROVINCES("provinces", RegionLevel.PROVINCE, 2),
    CITIES("cities", RegionLevel.CITY, 3),
    AREAS("areas", RegionLevel.COUNTY, 4),
    STREETS("streets", RegionLevel.TOWNSHIP, 5),
    VILLAGES("villages", RegionLevel.VILLAGE, 6);

    /** The multipart part name; the file is {@code <part>.csv}. */
    final String part;
    final RegionLevel level;
    final int columns;

    DivisionFile(String part, RegionLevel level, int columns) {
        this.part = part;
        this.level = level;
        this.columns = columns;
    }

    String fileName() {
        return part + ".csv";
    }

    /** The level of the parent, whose code is the third column; null for provinces. */
    RegionLevel parentLevel() {
        return ordinal() == 0 ? null : RegionLevel.values()[level.ordinal() - 1];
    }
}
