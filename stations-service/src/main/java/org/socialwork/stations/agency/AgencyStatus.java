package org.socialwork.stations.agency;

public enum AgencyStatus {
    ACTIVE, SUSPENDED, DEREGISTERED
}
