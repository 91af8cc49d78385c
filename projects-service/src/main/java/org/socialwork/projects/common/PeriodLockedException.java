package org.socialwork.projects.common;

import java.time.LocalDate;

/**
 * A change to a service record inside a reporting period that reporting-service has locked
 * (approved), without an exception granted by the bureau. Answered as 409 with its own problem type
 * {@code urn:socialwork:problem:period-locked}: the mobile app branches on it to tell the worker
 * that the record now needs the bureau, not a retry.
 */
public class PeriodLockedException extends RuntimeException {

    public static final String TYPE = "urn:socialwork:problem:period-locked";

    private final String regionCode;
    private final LocalDate periodStart;
    private final LocalDate periodEnd;

    public PeriodLockedException(String regionCode, LocalDate periodStart, LocalDate periodEnd) {
        super("period-locked", null, false, false);
        this.regionCode = regionCode;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
    }

    public String regionCode() {
        return regionCode;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }
}
