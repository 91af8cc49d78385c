package org.socialwork.personnel.departure;

import java.time.LocalDate;
import java.util.UUID;

/** Team churn of an agency: workers who left in [from, to], against its headcount at the start. */
public record ChurnStats(UUID agencyId, LocalDate from, LocalDate to, long departures, long headcountAtStart,
        Double churnRate) {
}
