package org.socialwork.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/**
 * The one clock of a service: every decision about "today", "this month", deadlines, grace days
 * and periods is taken on it, in the business zone; every instant a service stores is read from it
 * in UTC. Inject this bean, or {@link Clock} itself (in the business zone) where an API takes one.
 */
@ApplicationScoped
public class BusinessClock {

    private static final Logger LOG = Logger.getLogger(BusinessClock.class);

    private final Clock clock;

    @Inject
    public BusinessClock(ClockConfig config) {
        this(config.start()
                .map(start -> startingAt(start.toInstant(), Clock.system(config.zone())))
                .orElseGet(() -> Clock.system(config.zone())));
        config.start().ifPresent(start -> LOG.infof(
                "Business clock pinned: it started at %s (%s) and runs on from there", start, config.zone()));
    }

    /** A business clock over {@code clock}, whose zone is the business zone. */
    public BusinessClock(Clock clock) {
        this.clock = clock;
    }

    /** {@code base} shifted so that it reads {@code start} now and runs on at its own rate. */
    public static Clock startingAt(Instant start, Clock base) {
        return Clock.offset(base, Duration.between(base.instant(), start));
    }

    /** The clock in the business zone, for APIs that take a {@link Clock}. */
    @Produces
    @Singleton
    Clock produceClock() {
        return clock;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant instant() {
        return clock.instant();
    }

    /**
     * Now as an instant to store: in UTC and at the microsecond precision PostgreSQL keeps, so a
     * value read back equals the one written.
     */
    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Now on the bureaus' wall clock (the business zone's offset). */
    public OffsetDateTime localNow() {
        return OffsetDateTime.now(clock);
    }

    /** The business day. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The business month. */
    public YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    /** The business year. */
    public Year thisYear() {
        return Year.now(clock);
    }

    /** The business day on which {@code instant} falls. */
    public LocalDate dayOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone()).toLocalDate();
    }

    /** The first instant of the business day {@code day}. */
    public OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toOffsetDateTime();
    }
}
