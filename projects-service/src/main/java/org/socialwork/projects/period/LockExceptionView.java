package org.socialwork.projects.period;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record LockExceptionView(UUID id, UUID recordId, UUID stationId, LocalDate periodStart, LocalDate periodEnd,
        String reason, String grantedBy, OffsetDateTime grantedAt) {

    static LockExceptionView of(LockException e) {
        return new LockExceptionView(e.id, e.recordId, e.stationId, e.periodStart, e.periodEnd, e.reason, e.grantedBy,
                e.grantedAt);
    }
}
