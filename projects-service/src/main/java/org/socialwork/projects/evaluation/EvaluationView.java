package org.socialwork.projects.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;

public record EvaluationView(UUID id, long version, UUID projectId, UUID templateId, EvaluationKind kind,
        EvaluationStatus status, List<Assessor> assessors, BigDecimal score, Grade grade, LocalDate completedOn,
        List<Rectification> rectifications, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {
}
