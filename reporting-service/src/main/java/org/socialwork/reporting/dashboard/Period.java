package org.socialwork.reporting.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.socialwork.platform.time.CalendarPeriod;

/**
 * A reporting period: a day ({@code 2024-09-03}), an ISO week ({@code 2024-W36}), a month
 * ({@code 2024-09}), a quarter ({@code 2024-Q3}), a year ({@code 2024}) or a date range given
 * by {@code from} and {@code to} (both inclusive, at most {@link #MAX_DAYS} days).
 */
public record Period(PeriodType type, LocalDate start, LocalDate end) {

    static final int MAX_DAYS = CalendarPeriod.MAX_DAYS;

    public static Period parse(String period, String from, String to) {
        return of(CalendarPeriod.parse(period, from, to));
    }

    /** Like {@link #parse(String, String, String)}, but the day {@code today} when nothing is given. */
    public static Period parseOrToday(String period, String from, String to, LocalDate today) {
        return of(CalendarPeriod.parseOrToday(period, from, to, today));
    }

    static Period parse(String text) {
        return of(CalendarPeriod.parse(text));
    }

    /** The platform's reading of a period text, which producers share. */
    public static Period of(CalendarPeriod period) {
        return new Period(PeriodType.valueOf(period.kind().name()), period.start(), period.end());
    }

    /** The period of the same type just before this one (a range: the same number of days before). */
    public Period previous() {
        return switch (type) {
            case DAY -> new Period(type, start.minusDays(1), start.minusDays(1));
            case WEEK -> new Period(type, start.minusWeeks(1), end.minusWeeks(1));
            case MONTH -> new Period(type, start.minusMonths(1), start.minusDays(1));
            case QUARTER -> new Period(type, start.minusMonths(3), start.minusDays(1));
            case YEAR -> new Period(type, start.minusYears(1), start.minusDays(1));
            case RANGE -> new Period(type, start.minusDays(days()), start.minusDays(1));
        };
    }

    public long days() {
        return end.toEpochDay() - start.toEpochDay() + 1;
    }

    /** True when the period is made of whole calendar months (month, quarter, year, or such a range). */
    public boolean wholeMonths() {
        return start.getDayOfMonth() == 1 && end.equals(YearMonth.from(end).atEndOfMonth());
    }

    /** The whole months inside the period, as [first month, last month], or null when there is none. */
    LocalDate[] fullMonths() {
        LocalDate first = start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
        LocalDate last = end.equals(YearMonth.from(end).atEndOfMonth()) ? end.withDayOfMonth(1) : end.withDayOfMonth(1).minusMonths(1);
        return first.isAfter(last) ? null : new LocalDate[] {first, last};
    }

    /**
     * The period cut into whole months (read from month rollups) and the days before and after
     * them (read from day rollups).
     */
    public record Split(LocalDate firstMonth, LocalDate lastMonth, List<LocalDate[]> dayRanges) {
        public boolean hasMonths() {
            return firstMonth != null;
        }
    }

    public Split split() {
        LocalDate[] months = fullMonths();
        List<LocalDate[]> dayRanges = new ArrayList<>();
        if (months == null) {
            dayRanges.add(new LocalDate[] {start, end});
            return new Split(null, null, dayRanges);
        }
        if (start.isBefore(months[0])) {
            dayRanges.add(new LocalDate[] {start, months[0].minusDays(1)});
        }
        LocalDate afterMonths = months[1].plusMonths(1);
        if (!end.isBefore(afterMonths)) {
            dayRanges.add(new LocalDate[] {afterMonths, end});
        }
        return new Split(months[0], months[1], dayRanges);
    }

    /** The last day of the period, or {@code today} when the period ends later. */
    public LocalDate endOrToday(LocalDate today) {
        return end.isAfter(today) ? today : end;
    }
}
