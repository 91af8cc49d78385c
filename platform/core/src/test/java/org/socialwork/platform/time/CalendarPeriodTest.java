package org.socialwork.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.problem.ProblemException;
import org.socialwork.platform.time.CalendarPeriod.Kind;

/** The one period grammar that reporting and the producers' source totals share. */
class CalendarPeriodTest {

    private static CalendarPeriod of(String text) {
        return CalendarPeriod.parse(text, null, null);
    }

    @Test
    void everyFormReadsAsItsDays() {
        assertThat(of("2026-11-03")).isEqualTo(new CalendarPeriod(Kind.DAY, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3)));
        assertThat(of("2026-W45")).isEqualTo(new CalendarPeriod(Kind.WEEK, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8)));
        assertThat(of("2026-11")).isEqualTo(new CalendarPeriod(Kind.MONTH, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        assertThat(of("2026-Q4")).isEqualTo(new CalendarPeriod(Kind.QUARTER, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(of("2026")).isEqualTo(new CalendarPeriod(Kind.YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(of("2024-02")).extracting(CalendarPeriod::end).isEqualTo(LocalDate.of(2024, 2, 29));
        // ISO week 1 of 2027 starts in 2027 (Monday 4 January); 2026 has 53 weeks, the last ending on 3 January 2027.
        assertThat(of("2027-W01").start()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(of("2026-W53").end()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(CalendarPeriod.parse(null, "2026-11-01", "2026-11-03"))
                .isEqualTo(new CalendarPeriod(Kind.RANGE, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3)));
        assertThat(CalendarPeriod.parseOrToday(null, null, null, LocalDate.of(2026, 11, 5)))
                .isEqualTo(new CalendarPeriod(Kind.DAY, LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 5)));
    }

    @Test
    void theDaysAreChinasFromMidnightToMidnight() {
        ZoneId china = ZoneId.of("Asia/Shanghai");
        CalendarPeriod november = of("2026-11");
        assertThat(november.startsAt(china)).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00:00+08:00"));
        assertThat(november.endsBefore(china)).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00+08:00"));
    }

    @Test
    void aMalformedOrAmbiguousPeriodIsRefusedNamingItsField() {
        for (String bad : new String[] {"2026-13", "2026-W54", "2025-W53", "2026-Q5", "2026-W00", "26", "2026-11-31", "today"}) {
            assertThatThrownBy(() -> of(bad)).as(bad).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).messageKey()).isEqualTo("period.invalid"));
        }
        assertThatThrownBy(() -> CalendarPeriod.parse("2026-11", "2026-11-01", null))
                .satisfies(e -> assertThat(((ProblemException) e).messageKey()).isEqualTo("period.both"));
        assertThatThrownBy(() -> CalendarPeriod.parse(null, "2026-11-01", null))
                .satisfies(e -> assertThat(((ProblemException) e).messageKey()).isEqualTo("period.missing"));
        assertThatThrownBy(() -> CalendarPeriod.parse(null, "2026-11-03", "2026-11-01"))
                .satisfies(e -> assertThat(((ProblemException) e).messageKey()).isEqualTo("period.range"));
        assertThatThrownBy(() -> CalendarPeriod.parse(null, "2016-01-01", "2026-12-31"))
                .satisfies(e -> assertThat(((ProblemException) e).messageKey()).isEqualTo("period.range"));
        assertThatThrownBy(() -> CalendarPeriod.parse(null, "2026-11-01", "tomorrow"))
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("to"));
    }
}
