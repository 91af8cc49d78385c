package org.socialwork.personnel.assignment;

public enum AssignmentStatus {
    ACTIVE, ENDED
}
