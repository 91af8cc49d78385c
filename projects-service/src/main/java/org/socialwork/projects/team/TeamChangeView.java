package org.socialwork.projects.team;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One kept change of a project team. */
public record TeamChangeView(UUID id, UUID workerId, String change, String role, String reason, OffsetDateTime changedAt,
        String changedBy) {
}
