package org.socialwork.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("clock")
class BusinessClockTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static BusinessClock at(String instant) {
        return new BusinessClock(Clock.fixed(Instant.parse(instant), CHINA));
    }

    @Test
    void theBusinessDayIsChinasWhileUtcIsStillOnTheDayBefore() {
        BusinessClock clock = at("2026-11-30T16:30:00Z");
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(clock.thisMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(clock.now()).isEqualTo(OffsetDateTime.parse("2026-11-30T16:30:00Z"));
        assertThat(clock.now().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.localNow()).isEqualTo(OffsetDateTime.parse("2026-12-01T00:30:00+08:00"));
    }

    @Test
    void tenMinutesBeforeMidnightOnNewYearsEveIsStillTheOldYear() {
        BusinessClock clock = at("2026-12-31T15:50:00Z");
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(clock.thisYear()).isEqualTo(Year.of(2026));
        assertThat(at("2026-12-31T16:00:00Z").thisYear()).isEqualTo(Year.of(2027));
    }

    @Test
    void aStoredInstantKeepsOnlyMicroseconds() {
        BusinessClock clock = at("2028-02-29T04:00:00.123456789Z");
        assertThat(clock.now()).isEqualTo(OffsetDateTime.parse("2028-02-29T04:00:00.123456Z"));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void dayOfAndStartOfUseTheBusinessZone() {
        BusinessClock clock = at("2026-03-03T02:00:00Z");
        assertThat(clock.dayOf(OffsetDateTime.parse("2026-03-31T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(clock.startOf(LocalDate.of(2026, 4, 1))).isEqualTo(OffsetDateTime.parse("2026-03-31T16:00:00Z"));
    }

    @Test
    void aPinnedClockStartsAtItsInstantAndRunsOnAtTheBaseRate() {
        Instant machine = Instant.parse("2026-12-02T10:00:00Z");
        MovableClock base = new MovableClock(machine);
        Clock pinned = BusinessClock.startingAt(Instant.parse("2028-02-29T04:00:00Z"), base);
        assertThat(pinned.instant()).isEqualTo(Instant.parse("2028-02-29T04:00:00Z"));
        base.advance(Duration.ofMinutes(90));
        assertThat(pinned.instant()).isEqualTo(Instant.parse("2028-02-29T05:30:00Z"));
        assertThat(pinned.getZone()).isEqualTo(CHINA);
    }

    @Test
    void theConfiguredStartAndZoneAreUsed() {
        BusinessClock clock = new BusinessClock(new ClockConfig() {
            @Override
            public ZoneId zone() {
                return CHINA;
            }

            @Override
            public java.util.Optional<OffsetDateTime> start() {
                return java.util.Optional.of(OffsetDateTime.parse("2027-03-31T23:50:00+08:00"));
            }
        });
        assertThat(clock.today()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(clock.zone()).isEqualTo(CHINA);
        assertThat(Duration.between(OffsetDateTime.parse("2027-03-31T15:50:00Z"), clock.now())).isLessThan(Duration.ofMinutes(1));
    }

    /** A base clock a test moves by hand, to see the pinned clock follow it. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
