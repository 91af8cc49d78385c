package org.socialwork.projects.field;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.socialwork.projects.client.RiskLevel;

/** A client due for a visit this month: fewer visits so far than required. */
public record DueVisit(UUID clientId, String name, RiskLevel riskLevel, UUID stationId, String villageRegionCode,
        int requiredVisitsPerMonth, int visitsThisMonth, OffsetDateTime lastVisitAt) {
}
