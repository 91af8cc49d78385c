package org.socialwork.projects.record;

public enum RecordType {
    VISIT, CASE_SESSION, GROUP_SESSION, COMMUNITY_ACTIVITY, CONSULTATION, REFERRAL, RESOURCE_LINKAGE;

    /** Visits and case sessions serve named clients; the other types may count participants only. */
    public boolean needsClients() {
        return this == VISIT || this == CASE_SESSION;
    }
}
