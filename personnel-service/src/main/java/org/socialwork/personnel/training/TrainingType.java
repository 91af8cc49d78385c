package org.socialwork.personnel.training;

public enum TrainingType {
    PRE_JOB, ON_JOB, EXAM_PREP, SUPERVISION, OTHER
}
