package org.socialwork.personnel.worker;

/** National social-work qualification, in ascending order: 助理社会工作师, 社会工作师, 高级社会工作师. */
public enum QualificationLevel {
    NONE, ASSISTANT, INTERMEDIATE, SENIOR
}
