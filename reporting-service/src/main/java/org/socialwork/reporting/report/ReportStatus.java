package org.socialwork.reporting.report;

/**
 * The approval path of a county report: the county submits, the city approves, the province
 * approves (which locks the period); either reviewer may return it with comments.
 */
public enum ReportStatus {
    DRAFT, SUBMITTED, CITY_APPROVED, APPROVED, RETURNED
}
