package org.socialwork.projects.need;

public enum NeedPriority {
    LOW, NORMAL, HIGH, URGENT
}
