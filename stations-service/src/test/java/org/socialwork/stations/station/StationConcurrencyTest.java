package org.socialwork.stations.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.stations.station.StationFixtures.JIAXING;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.as;
import static org.socialwork.stations.station.StationFixtures.createStation;
import static org.socialwork.stations.station.StationFixtures.freeTownship;
import static org.socialwork.stations.station.StationFixtures.stationBody;

import java.util.Map;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.Race;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Sixteen writers holding the same ETag: one wins, the others learn the version moved (412), none is a 500. */
@QuarkusTest
class StationConcurrencyTest {

    private static final int WRITERS = 16;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    org.socialwork.platform.time.BusinessClock clock;

    @BeforeEach
    void regions() {
        StationFixtures.ensureRegions(dataSource);
    }

    @Test
    void concurrentUpdatesWithOneEtagHaveOneWinnerAndPreconditionFailures() throws Exception {
        String id = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)));
        String path = "/api/v1/stations/" + id;
        String etag = StationFixtures.etag(adminToken(), path);
        long outboxBefore = outboxRows(id);

        Map<Integer, Integer> statuses = race(i -> as(adminToken()).header("If-Match", etag)
                .body(Map.of("name", "并发改名 " + i, "operationMode", "GOVERNMENT_RUN")).put(path));

        assertThat(statuses).isEqualTo(Map.of(200, 1, 412, WRITERS - 1));
        assertThat(StationFixtures.etag(adminToken(), path)).isNotEqualTo(etag);
        assertThat(outboxRows(id)).isEqualTo(outboxBefore + 1);
    }

    @Test
    void concurrentTransitionsWithOneEtagHaveOneWinnerAndPreconditionFailures() throws Exception {
        String id = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)));
        String path = "/api/v1/stations/" + id;
        String etag = StationFixtures.etag(adminToken(), path);
        long outboxBefore = outboxRows(id);
        String today = clock.today().toString();

        Map<Integer, Integer> statuses = race(i -> as(adminToken()).header("If-Match", etag)
                .body(Map.of("to", "ESTABLISHED", "effectiveDate", today)).post(path + "/transitions"));

        assertThat(statuses).isEqualTo(Map.of(200, 1, 412, WRITERS - 1));
        assertThat(StationFixtures.single(dataSource, "select count(*) from stations.station_transition where station_id = ?::uuid", id))
                .isEqualTo("1");
        assertThat(outboxRows(id)).isEqualTo(outboxBefore + 1);
    }

    private static Map<Integer, Integer> race(IntFunction<Response> write) throws Exception {
        return Race.statuses(WRITERS, write);
    }

    private long outboxRows(String id) {
        return Long.parseLong(StationFixtures.single(dataSource, "select count(*) from stations.outbox_event where event_key = ?", id));
    }
}
