package org.socialwork.stations.region;

public enum RegionImportState {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
