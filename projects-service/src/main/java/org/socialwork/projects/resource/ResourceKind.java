package org.socialwork.projects.resource;

/** Resources listed beside needs and projects: donors, volunteer teams, facilities. */
public enum ResourceKind {
    DONOR, VOLUNTEER_TEAM, FACILITY
}
