package org.socialwork.projects.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Pseudonymous snapshot on {@code projects.client.v1}: no name, ID number, phone, birth date or
 * assessment; enough for visit compliance and counts by category and village.
 */
public record ClientChangedEvent(UUID id, long version, List<ClientCategory> categories, RiskLevel riskLevel,
        int requiredVisitsPerMonth, UUID stationId, String villageRegionCode, UUID responsibleWorkerId,
        ClientStatus status, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final String TOPIC = "projects.client.v1";
    public static final String TYPE = "org.socialwork.client.changed.v1";
}
