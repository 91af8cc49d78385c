package org.socialwork.reporting.readmodel;

/** Names of the rollup measures besides the record types (VISIT, CASE_SESSION, ...). */
public final class Measure {

    public static final String RECORDS = "RECORDS";
    public static final String SERVICE_MINUTES = "SERVICE_MINUTES";
    public static final String PARTICIPANTS = "PARTICIPANTS";
    /** Followed by a service-item category, e.g. {@code CATEGORY:ELDERLY}: records of that category. */
    public static final String CATEGORY_PREFIX = "CATEGORY:";

    private Measure() {
    }
}
