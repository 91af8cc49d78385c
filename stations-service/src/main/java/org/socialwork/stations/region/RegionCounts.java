package org.socialwork.stations.region;

import java.util.Map;

/** How many townships (by kind) and villages lie below a division: the denominators of station coverage. */
public record RegionCounts(String code, long townships, long villages, Map<TownshipKind, Long> townshipsByKind) {
}
