package org.socialwork.personnel.filing;

/** What happened to the assignment that must be filed (备案) with the bureau. */
public enum FilingKind {
    START, CHANGE, END
}
