package org.socialwork.stations.station;

import org.socialwork.stations.region.RegionLevel;

/** The tiers of the station system, each bound to one division level. */
public enum StationLevel {
    CITY_CENTER(RegionLevel.CITY),
    COUNTY_HUB(RegionLevel.COUNTY),
    TOWNSHIP_STATION(RegionLevel.TOWNSHIP),
    VILLAGE_ROOM(RegionLevel.VILLAGE);

    private final RegionLevel regionLevel;

    StationLevel(RegionLevel regionLevel) {
        this.regionLevel = regionLevel;
    }

    public RegionLevel regionLevel() {
        return regionLevel;
    }

    /** The level a parent station must have, or null for the top tier. */
    public StationLevel parentLevel() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
