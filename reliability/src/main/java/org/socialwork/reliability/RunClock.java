package org.socialwork.reliability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one clock of a fault run. It is the wall clock, not a pinned one: the services under test
 * stamp their records with theirs, and the load's days must be their business days (China's).
 */
final class RunClock {

    private static final Clock CLOCK = Clock.systemUTC();

    private RunClock() {
    }

    static Instant instant() {
        return CLOCK.instant();
    }

    /** Today in China, the services' business day. */
    static LocalDate chinaToday() {
        return LocalDate.ofInstant(CLOCK.instant(), Load.CHINA);
    }
}
