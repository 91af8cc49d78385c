package org.socialwork.stations.station;

/**
 * Conversion between WGS84 and GCJ-02, the obfuscated datum Chinese web maps use. The forward
 * offset is the published formula; the inverse has no closed form, so it is found by fixed-point
 * iteration, which converges to well under a metre within a few steps.
 */
public final class Gcj02 {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    private Gcj02() {
    }

    /** WGS84 to GCJ-02 as {latitude, longitude}. */
    public static double[] fromWgs84(double lat, double lon) {
        double[] d = offset(lat, lon);
        return new double[] {lat + d[0], lon + d[1]};
    }

    /** GCJ-02 to WGS84 as {latitude, longitude}. */
    public static double[] toWgs84(double gcjLat, double gcjLon) {
        double lat = gcjLat;
        double lon = gcjLon;
        for (int i = 0; i < 30; i++) {
            double[] g = fromWgs84(lat, lon);
            double dLat = g[0] - gcjLat;
            double dLon = g[1] - gcjLon;
            lat -= dLat;
            lon -= dLon;
            if (Math.abs(dLat) < 1e-10 && Math.abs(dLon) < 1e-10) {
                break;
            }
        }
        return new double[] {lat, lon};
    }

    private static double[] offset(double lat, double lon) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
                + (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
                + (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLat, dLon};
    }
}
