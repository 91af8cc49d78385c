package org.socialwork.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialwork.platform.problem.Problems;

/**
 * A period of business days as every service reads it from a query: a day ({@code 2026-11-03}), an
 * ISO week ({@code 2026-W45}), a month ({@code 2026-11}), a quarter ({@code 2026-Q4}), a year
 * ({@code 2026}) or a range given by {@code from} and {@code to} (both inclusive, at most
 * {@link #MAX_DAYS} days). One parser, so that a producer's source totals and reporting's rollups
 * cover exactly the same days for the same text.
 */
public record CalendarPeriod(Kind kind, LocalDate start, LocalDate end) {

    /** The kinds of period. */
    public enum Kind {
        DAY, WEEK, MONTH, QUARTER, YEAR, RANGE
    }

    public static final int MAX_DAYS = 3660;
    /** The OpenAPI pattern of a {@code period} query parameter. */
    public static final String PATTERN = "^\\d{4}(-W\\d{2}|-Q[1-4]|-\\d{2}(-\\d{2})?)?$";
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** {@code period}, or the range {@code from}..{@code to}; a 400 problem naming the field otherwise. */
    public static CalendarPeriod parse(String period, String from, String to) {
        if (period != null && !period.isBlank()) {
            if (from != null || to != null) {
                throw Problems.invalidField("period", "period.both");
            }
            return parse(period.trim());
        }
        // A malformed from or to is named even when its partner is missing.
        LocalDate start = from == null ? null : date("from", from);
        LocalDate end = to == null ? null : date("to", to);
        if (start == null || end == null) {
            throw Problems.invalidField("period", "period.missing");
        }
        if (end.isBefore(start) || end.toEpochDay() - start.toEpochDay() >= MAX_DAYS) {
            throw Problems.invalidField("to", "period.range", MAX_DAYS);
        }
        return new CalendarPeriod(Kind.RANGE, start, end);
    }

    /** Like {@link #parse(String, String, String)}, but the day {@code today} when nothing is given. */
    public static CalendarPeriod parseOrToday(String period, String from, String to, LocalDate today) {
        if ((period == null || period.isBlank()) && from == null && to == null) {
            return new CalendarPeriod(Kind.DAY, today, today);
        }
        return parse(period, from, to);
    }

    /** One period text (no range). */
    public static CalendarPeriod parse(String text) {
        try {
            if (text.matches("\\d{4}")) {
                int year = Integer.parseInt(text);
                return new CalendarPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            Matcher quarter = QUARTER.matcher(text);
            if (quarter.matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
                return new CalendarPeriod(Kind.QUARTER, start, start.plusMonths(3).minusDays(1));
            }
            Matcher week = WEEK.matcher(text);
            if (week.matches()) {
                int year = Integer.parseInt(week.group(1));
                int number = Integer.parseInt(week.group(2));
                LocalDate anchor = LocalDate.of(year, 1, 4);
                if (number < 1 || number > anchor.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                    throw Problems.invalidField("period", "period.invalid", text);
                }
                LocalDate start = anchor.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return new CalendarPeriod(Kind.WEEK, start, start.plusDays(6));
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(text);
                return new CalendarPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = LocalDate.parse(text);
            return new CalendarPeriod(Kind.DAY, day, day);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw Problems.invalidField("period", "period.invalid", text);
        }
    }

    /** The first instant of the period's first day in {@code zone} (the business zone). */
    public OffsetDateTime startsAt(ZoneId zone) {
        return start.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The first instant after the period's last day in {@code zone}. */
    public OffsetDateTime endsBefore(ZoneId zone) {
        return end.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(field, "period.invalid", text);
        }
    }
}
