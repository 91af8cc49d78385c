package org.socialwork.projects.evaluation;

/** Who assesses: a third-party evaluator, the bureau, the agency itself, or the clients (satisfaction). */
public enum AssessorKind {
    THIRD_PARTY, BUREAU, AGENCY_SELF, CLIENT_SATISFACTION
}
