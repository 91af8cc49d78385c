package org.socialwork.projects.need;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Snapshot on {@code projects.need.v1}; the description stays out (free text may name people). */
public record NeedChangedEvent(UUID id, long version, NeedSource source, String category, String regionCode,
        UUID clientId, UUID stationId, UUID workerId, NeedStatus status, LocalDate receivedOn, LocalDate dueOn,
        OffsetDateTime closedAt, List<UUID> answeredByRecordIds, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final String TOPIC = "projects.need.v1";
    public static final String TYPE = "org.socialwork.need.changed.v1";

    static NeedChangedEvent of(NeedView v) {
        return new NeedChangedEvent(v.id(), v.version(), v.source(), v.category(), v.regionCode(), v.clientId(),
                v.stationId(), v.workerId(), v.status(), v.receivedOn(), v.dueOn(), v.closedAt(), v.answeredByRecordIds(),
                v.createdAt(), v.updatedAt());
    }
}
