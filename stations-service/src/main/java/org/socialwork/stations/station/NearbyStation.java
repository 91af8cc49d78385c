package org.socialwork.stations.station;

import java.util.UUID;

/** A station near a point, with its great-circle distance from it in metres. */
public record NearbyStation(UUID id, String name, StationLevel level, String regionCode, String regionName,
        StationStatus status, double wgs84Latitude, double wgs84Longitude, double distanceM) {
}
