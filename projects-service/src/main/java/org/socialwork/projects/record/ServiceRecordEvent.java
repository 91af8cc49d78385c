package org.socialwork.projects.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A fact on {@code projects.service-record.v1} (not compacted, key = record id): recorded with
 * revision 1, corrected with revision n+1 carrying the whole record. Notes and position stay out:
 * free text and a home's coordinates are personal data.
 */
public record ServiceRecordEvent(UUID id, int revision, RecordType type, OffsetDateTime occurredAt, int durationMinutes,
        UUID stationId, String stationRegionCode, UUID projectId, List<UUID> workerIds, List<UUID> clientIds,
        int participantCount, List<String> serviceItems, List<String> serviceItemCategories, UUID caseId, UUID needId,
        OffsetDateTime recordedAt) {

    public static final String TOPIC = "projects.service-record.v1";
    public static final String RECORDED = "org.socialwork.service-record.recorded.v1";
    public static final String CORRECTED = "org.socialwork.service-record.corrected.v1";
}
