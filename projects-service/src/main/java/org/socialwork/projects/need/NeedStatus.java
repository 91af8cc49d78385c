package org.socialwork.projects.need;

public enum NeedStatus {
    RECEIVED, TRIAGED, DISPATCHED, CLOSED, CANCELLED
}
