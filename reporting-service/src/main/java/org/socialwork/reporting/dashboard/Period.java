package org.socialwork.reporting.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialwork.platform.problem.Problems;

/**
 * A reporting period: a day ({@code 2024-09-03}), an ISO week ({@code 2024-W36}), a month
 * ({@code 2024-09}), a quarter ({@code 2024-Q3}), a year ({@code 2024}) or a date range given
 * by {@code from} and {@code to} (both inclusive, at most {@link #MAX_DAYS} days).
 */
public record Period(PeriodType type, LocalDate start, LocalDate end) {

    static final int MAX_DAYS = 3660;
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Period parse(String period, String from, String to) {
        if (period != null && !period.isBlank()) {
            if (from != null || to != null) {
                throw Problems.invalidField("period", "reporting.period.both");
            }
            return parse(period.trim());
        }
        // A malformed from or to is named even when its partner is missing.
        LocalDate start = from == null ? null : date("from", from);
        LocalDate end = to == null ? null : date("to", to);
        if (start == null || end == null) {
            throw Problems.invalidField("period", "reporting.period.missing");
        }
        if (end.isBefore(start) || end.toEpochDay() - start.toEpochDay() >= MAX_DAYS) {
            throw Problems.invalidField("to", "reporting.period.range", MAX_DAYS);
        }
        return new Period(PeriodType.RANGE, start, end);
    }

    /** Like {@link #parse(String, String, String)}, but the day {@code today} when nothing is given. */
    public static Period parseOrToday(String period, String from, String to, LocalDate today) {
        if ((period == null || period.isBlank()) && from == null && to == null) {
            return new Period(PeriodType.DAY, today, today);
        }
        return parse(period, from, to);
    }

    static Period parse(String text) {
        try {
            if (text.matches("\\d{4}")) {
                int year = Integer.parseInt(text);
                return new Period(PeriodType.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            Matcher quarter = QUARTER.matcher(text);
            if (quarter.matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
                return new Period(PeriodType.QUARTER, start, start.plusMonths(3).minusDays(1));
            }
            Matcher week = WEEK.matcher(text);
            if (week.matches()) {
                int year = Integer.parseInt(week.group(1));
                int number = Integer.parseInt(week.group(2));
                LocalDate anchor = LocalDate.of(year, 1, 4);
                if (number < 1 || number > anchor.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                    throw Problems.invalidField("period", "reporting.period.invalid", text);
                }
                LocalDate start = anchor.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return new Period(PeriodType.WEEK, start, start.plusDays(6));
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(text);
                return new Period(PeriodType.MONTH, month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = LocalDate.parse(text);
            return new Period(PeriodType.DAY, day, day);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw Problems.invalidField("period", "reporting.period.invalid", text);
        }
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

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(field, "reporting.period.invalid", text);
        }
    }
}
