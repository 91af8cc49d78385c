package org.socialwork.personnel.assignment;

/** The role a worker holds at a station. */
public enum AssignmentRole {
    STATION_LEAD, SOCIAL_WORKER, ASSISTANT
}
