package org.socialwork.reporting.dashboard;

/** The kinds of period a dashboard, ranking or report covers. */
public enum PeriodType {
    DAY, WEEK, MONTH, QUARTER, YEAR, RANGE
}
