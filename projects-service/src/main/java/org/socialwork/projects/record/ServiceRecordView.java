package org.socialwork.projects.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A service record as the API shows it. */
public record ServiceRecordView(UUID id, int revision, RecordType type, OffsetDateTime occurredAt, int durationMinutes,
        UUID stationId, String stationRegionCode, UUID projectId, List<UUID> workerIds, List<UUID> clientIds,
        int participantCount, List<String> serviceItems, UUID caseId, UUID needId, Position position, String notes,
        String recordedBy, OffsetDateTime recordedAt, OffsetDateTime updatedAt) {
}
