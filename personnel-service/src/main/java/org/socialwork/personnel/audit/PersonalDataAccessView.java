package org.socialwork.personnel.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One unmasked read of a worker's personal data: who, when, whose record, which fields, why. */
public record PersonalDataAccessView(UUID id, OffsetDateTime readAt, String actor, String actorRoles, String actorRegion,
        UUID workerId, String fields, String purpose) {
}
