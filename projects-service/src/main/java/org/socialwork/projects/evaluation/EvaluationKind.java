package org.socialwork.projects.evaluation;

public enum EvaluationKind {
    MID_TERM, FINAL, ANNUAL
}
