package org.socialwork.stations.region;

import java.time.LocalDate;

/**
 * Payload of {@code org.socialwork.region.changed.v1}: the full snapshot of a division. The bulk
 * import builds the same JSON in SQL (see {@link RegionImporter}); both must match
 * {@code events/schemas/region-changed.v1.schema.json}.
 */
public record RegionChangedEvent(String code, String name, RegionLevel level, String parentCode,
        TownshipKind townshipKind, LocalDate validFrom, LocalDate validTo, String mergedInto, long version) {

    public static final String TOPIC = "stations.region.v1";
    public static final String TYPE = "org.socialwork.region.changed.v1";

    static RegionChangedEvent of(Region region) {
        return new RegionChangedEvent(region.code, region.name, region.level, region.parentCode, region.townshipKind,
                region.validFrom, region.validTo, region.mergedInto, region.version);
    }
}
