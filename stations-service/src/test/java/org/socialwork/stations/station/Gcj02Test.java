package org.socialwork.stations.station;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gcj02Test {

    @Test
    void theInverseUndoesTheForwardOffsetAcrossChina() {
        double[][] points = {{30.5120, 120.6800}, {39.9087, 116.3975}, {22.5431, 114.0579}, {43.8256, 87.6168},
            {18.2528, 109.5120}};
        for (double[] p : points) {
            double[] gcj = Gcj02.fromWgs84(p[0], p[1]);
            assertThat(StationQueryTest.metres(p[0], p[1], gcj[0], gcj[1])).as("offset").isBetween(100.0, 1000.0);
            double[] back = Gcj02.toWgs84(gcj[0], gcj[1]);
            assertThat(StationQueryTest.metres(p[0], p[1], back[0], back[1])).as("round trip").isLessThan(0.01);
        }
    }

    @Test
    void matchesAPublishedReferencePoint() {
        // Tiananmen: WGS84 39.9087, 116.3975 is 39.9101, 116.4037 on GCJ-02 maps (about 150 m north, 530 m east).
        double[] gcj = Gcj02.fromWgs84(39.9087, 116.3975);
        assertThat(gcj[0] - 39.9087).isBetween(0.0010, 0.0016);
        assertThat(gcj[1] - 116.3975).isBetween(0.0055, 0.0068);
    }
}
