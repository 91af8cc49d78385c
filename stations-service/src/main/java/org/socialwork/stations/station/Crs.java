package org.socialwork.stations.station;

/** Coordinate reference systems clients send: GPS (WGS84) or the Chinese map datum GCJ-02. */
public enum Crs {
    WGS84, GCJ02
}
