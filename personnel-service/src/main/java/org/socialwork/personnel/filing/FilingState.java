package org.socialwork.personnel.filing;

/** Where a filing obligation stands: pending within the deadline, overdue, filed on time or late. */
public enum FilingState {
    PENDING, OVERDUE, FILED_ON_TIME, FILED_LATE
}
