package org.socialwork.stations.station;

public enum Room {
    RECEPTION, CASE_ROOM, GROUP_ROOM, MULTI_FUNCTION_ROOM, ACTIVITY_ROOM, OFFICE
}
