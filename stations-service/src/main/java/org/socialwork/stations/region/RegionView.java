package org.socialwork.stations.region;

import java.time.LocalDate;

import org.socialwork.platform.web.Versioned;

/** A division as the REST API shows it. */
public record RegionView(String code, String name, RegionLevel level, String parentCode, TownshipKind townshipKind,
        LocalDate validFrom, LocalDate validTo, String mergedInto, long version) implements Versioned {

    static RegionView of(Region region) {
        return new RegionView(region.code, region.name, region.level, region.parentCode, region.townshipKind,
                region.validFrom, region.validTo, region.mergedInto, region.version);
    }
}
