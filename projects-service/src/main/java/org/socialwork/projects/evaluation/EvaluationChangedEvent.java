package org.socialwork.projects.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Snapshot on {@code projects.evaluation.v1} (log-compacted, key = evaluation id); assessors' subjects stay out. */
public record EvaluationChangedEvent(UUID id, long version, UUID projectId, String purchaserRegionCode,
        UUID contractorAgencyId, List<UUID> stationIds, EvaluationKind kind, EvaluationStatus status, BigDecimal score,
        Grade grade, LocalDate completedOn, List<Rectification> rectifications, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String TOPIC = "projects.evaluation.v1";
    public static final String TYPE = "org.socialwork.evaluation.changed.v1";
}
