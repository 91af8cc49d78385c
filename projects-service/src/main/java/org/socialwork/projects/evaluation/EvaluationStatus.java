package org.socialwork.projects.evaluation;

public enum EvaluationStatus {
    IN_PROGRESS, COMPLETED
}
