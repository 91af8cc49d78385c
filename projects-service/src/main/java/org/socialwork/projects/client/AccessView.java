package org.socialwork.projects.client;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One audited unmasked read of a client's personal data. */
public record AccessView(UUID id, OffsetDateTime readAt, String actor, String actorRoles, String actorRegion,
        UUID subjectId, String fields, String purpose) {
}
