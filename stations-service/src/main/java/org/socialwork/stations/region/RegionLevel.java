package org.socialwork.stations.region;

/** Levels of the national division hierarchy, with the length of their codes. */
public enum RegionLevel {
    PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(9), VILLAGE(12);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level a code of this length belongs to, or null for any other length. */
    public static RegionLevel ofCode(String code) {
        if (code == null) {
            return null;
        }
        for (RegionLevel level : values()) {
            if (level.codeLength == code.length()) {
                return level;
            }
        }
        return null;
    }
}
