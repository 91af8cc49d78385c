package org.socialwork.projects.project;

import java.util.Map;
import java.util.Set;

/** The lifecycle of a purchased-service project; TERMINATED (with a reason) from any non-final state. */
public enum ProjectStatus {
    DRAFT, TENDERING, CONTRACTED, IN_SERVICE, COMPLETED, TERMINATED;

    private static final Map<ProjectStatus, ProjectStatus> NEXT = Map.of(DRAFT, TENDERING, TENDERING, CONTRACTED,
            CONTRACTED, IN_SERVICE, IN_SERVICE, COMPLETED);

    public boolean isFinal() {
        return this == COMPLETED || this == TERMINATED;
    }

    public boolean canBecome(ProjectStatus to) {
        if (isFinal()) {
            return false;
        }
        return to == TERMINATED || NEXT.get(this) == to;
    }

    /** States in which the contract terms (budget, funding, stations) may still change. */
    public static final Set<ProjectStatus> EDITABLE = Set.of(DRAFT, TENDERING, CONTRACTED, IN_SERVICE);
}
