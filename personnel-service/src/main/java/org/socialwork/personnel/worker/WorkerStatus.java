package org.socialwork.personnel.worker;

/** Where a worker stands: employed, under notice, gone. */
public enum WorkerStatus {
    ACTIVE, NOTICE_GIVEN, LEFT
}
