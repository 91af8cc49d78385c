package org.socialwork.projects.need;

/** Who brought the need: a resident, a village committee, a worker or a bureau. */
public enum NeedSource {
    RESIDENT, VILLAGE, WORKER, BUREAU
}
