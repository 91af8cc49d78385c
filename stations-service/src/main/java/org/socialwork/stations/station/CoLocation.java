package org.socialwork.stations.station;

/** Facilities a station often shares its site with. */
public enum CoLocation {
    PARTY_MASS_SERVICE_CENTER, MINORS_PROTECTION_STATION, ELDERLY_CARE_FACILITY, CONVENIENCE_SERVICE_CENTER
}
