package org.socialwork.reporting.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Payload of org.socialwork.period.locked.v1 on reporting.period.v1 (see events/schemas/period-locked.v1.schema.json). */
public record PeriodLockedEvent(String id, long version, String regionCode, String periodType, LocalDate periodStart,
        LocalDate periodEnd, boolean locked, UUID reportId, OffsetDateTime approvedAt, String approvedBy,
        OffsetDateTime updatedAt) {

    public static final String TOPIC = "reporting.period.v1";
    public static final String TYPE = "org.socialwork.period.locked.v1";

    static PeriodLockedEvent of(PeriodLock lock) {
        return new PeriodLockedEvent(lock.id, lock.version, lock.regionCode, lock.periodType.name(), lock.periodStart,
                lock.periodEnd, lock.locked, lock.reportId, lock.approvedAt, lock.approvedBy, lock.updatedAt);
    }
}
