package org.socialwork.projects.need;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;

/** A need as the API and the event (projects.need.v1) show it. */
public record NeedView(UUID id, long version, NeedSource source, String category, String description, String regionCode,
        UUID clientId, UUID stationId, UUID workerId, NeedPriority priority, NeedStatus status, LocalDate receivedOn,
        LocalDate dueOn, OffsetDateTime closedAt, List<UUID> answeredByRecordIds, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements Versioned {
}
