package org.socialwork.platform.security;

/** The roles of DESIGN.md §6, as they appear in the {@code groups} claim. */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String BUREAU_ADMIN = "bureau-admin";
    public static final String BUREAU_VIEWER = "bureau-viewer";
    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String FIELD_WORKER = "field-worker";
    public static final String EVALUATOR = "evaluator";
    public static final String DASHBOARD = "dashboard";
    /** Permission to see personal data unmasked; every such read is audited. */
    public static final String PERSONAL_DATA = "personal-data";

    private Roles() {
    }
}
