package org.socialwork.reporting.warning;

/** Where a warning stands: raised, seen by the bureau, or settled (by hand or because its cause went away). */
public enum WarningStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
