package org.socialwork.personnel.worker;

/** Highest completed education. */
public enum Education {
    HIGH_SCHOOL_OR_BELOW, JUNIOR_COLLEGE, BACHELOR, MASTER, DOCTORATE
}
