package org.socialwork.stations.station;

public enum OperationMode {
    GOVERNMENT_RUN, PURCHASED_SERVICE
}
