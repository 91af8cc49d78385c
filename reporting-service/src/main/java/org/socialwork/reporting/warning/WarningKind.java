package org.socialwork.reporting.warning;

/** The rules {@link WarningRules} evaluates; a filter by kind names one of them. */
public enum WarningKind {
    STATION_INACTIVE, KEY_CLIENT_VISIT_OVERDUE, UNDERSTAFFED, HIGH_TEAM_CHURN, RECTIFICATION_OVERDUE,
    LOW_CERTIFIED_SHARE, COVERAGE_BEHIND_TARGET, PROJECT_BEHIND_TARGET, LATE_FILING
}
