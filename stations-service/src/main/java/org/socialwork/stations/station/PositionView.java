package org.socialwork.stations.station;

/** The position as given, and its WGS84 normalisation. */
public record PositionView(double latitude, double longitude, Crs crs, double wgs84Latitude, double wgs84Longitude) {

    static PositionView of(Station s) {
        return s.latitude == null ? null : new PositionView(s.latitude, s.longitude, s.crs, s.wgsLat, s.wgsLon);
    }
}
