package org.socialwork.stations.region;

/** What kind of township-level division a township is, derived from its name. */
public enum TownshipKind {
    /** 街道 (street office). */
    STREET,
    /** 镇 (town). */
    TOWN,
    /** 乡, 民族乡, 苏木 (township). */
    TOWNSHIP,
    /** Anything else: 地区, 农场, 开发区, 管委会 … */
    OTHER;

    public static TownshipKind fromName(String name) {
        if (name == null) {
            return OTHER;
        }
        String trimmed = name.strip();
        if (trimmed.endsWith("街道") || trimmed.endsWith("街道办事处")) {
            return STREET;
        }
        if (trimmed.endsWith("镇")) {
            return TOWN;
        }
        if (trimmed.endsWith("乡") || trimmed.endsWith("苏木")) {
            return TOWNSHIP;
        }
        return OTHER;
    }
}
