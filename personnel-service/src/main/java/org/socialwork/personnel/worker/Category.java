package org.socialwork.personnel.worker;

/** Employment category; CIVIL_AFFAIRS_ASSISTANT is 民政协理员. */
public enum Category {
    STATION_FULL_TIME, PROJECT_WORKER, CIVIL_AFFAIRS_ASSISTANT, SUPERVISOR, ADMINISTRATIVE
}
