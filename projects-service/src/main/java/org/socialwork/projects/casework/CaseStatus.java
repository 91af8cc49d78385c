package org.socialwork.projects.casework;

public enum CaseStatus {
    OPEN, REFERRED, CLOSED
}
