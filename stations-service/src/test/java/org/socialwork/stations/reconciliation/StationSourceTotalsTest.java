package org.socialwork.stations.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.socialwork.stations.station.StationFixtures.HAINING;
import static org.socialwork.stations.station.StationFixtures.PINGHU;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.as;
import static org.socialwork.stations.station.StationFixtures.bureauToken;
import static org.socialwork.stations.station.StationFixtures.createStation;
import static org.socialwork.stations.station.StationFixtures.freeTownship;
import static org.socialwork.stations.station.StationFixtures.stationBody;
import static org.socialwork.stations.station.StationFixtures.villageOf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.stations.station.StationFixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The station source totals count exactly what the station table holds, in the caller's scope only. */
@QuarkusTest
class StationSourceTotalsTest {

    private static final String PATH = "/api/v1/admin/source-totals";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void regions() {
        StationFixtures.ensureRegions(dataSource);
    }

    @Test
    void newStationsOfATownshipAreCountedByLevelAndStatus() {
        String township = freeTownship(dataSource, HAINING);
        String bureau = bureauToken("bureau-admin", HAINING);
        Map<String, Long> before = totals(bureau, township);

        String station = createStation(stationBody("TOWNSHIP_STATION", township));
        createStation(stationBody("VILLAGE_ROOM", villageOf(dataSource, township)));
        String path = "/api/v1/stations/" + station;
        as(adminToken()).header("If-Match", StationFixtures.etag(adminToken(), path))
                .body(Map.of("to", "ESTABLISHED", "effectiveDate", "2024-01-10")).post(path + "/transitions")
                .then().statusCode(200);

        Map<String, Long> after = totals(bureauToken("bureau-viewer", HAINING), township);
        assertThat(delta(before, after)).containsOnly(
                Map.entry("stations", 2L),
                Map.entry("stations.byLevel.TOWNSHIP_STATION", 1L),
                Map.entry("stations.byLevel.VILLAGE_ROOM", 1L),
                Map.entry("stations.byStatus.ESTABLISHED", 1L),
                Map.entry("stations.byStatus.PLANNED", 1L),
                Map.entry("stations.byLevelAndStatus.TOWNSHIP_STATION.ESTABLISHED", 1L),
                Map.entry("stations.byLevelAndStatus.VILLAGE_ROOM.PLANNED", 1L));
        // Exactly what the table holds for the subtree, not only what this test added.
        assertThat(after.get("stations")).isEqualTo(Long.parseLong(StationFixtures.single(dataSource,
                "select count(*)::text from station where region_code like ?", township + "%")));
    }

    @Test
    void aBureauUserReadsItsOwnSubtreeAndAPlatformAdminTheCountry() {
        as(bureauToken("bureau-admin", HAINING)).get(PATH).then().statusCode(200)
                .body("source", equalTo("stations-service")).body("region", equalTo(HAINING))
                .body("period", nullValue());
        long country = totals(adminToken(), null).get("stations");
        assertThat(country).isEqualTo(Long.parseLong(StationFixtures.single(dataSource, "select count(*)::text from station")));
        as(adminToken()).get(PATH).then().statusCode(200).body("region", nullValue());
    }

    @Test
    void aRegionOutsideTheScopeIsNotFoundAndOtherRolesAreRefused() {
        as(bureauToken("bureau-admin", PINGHU)).queryParam("region", HAINING).get(PATH).then().statusCode(404)
                .contentType("application/problem+json");
        for (String role : List.of("agency-admin", "field-worker", "evaluator", "dashboard")) {
            as(StationFixtures.roleToken(role, HAINING)).queryParam("region", HAINING).get(PATH).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        as(adminToken()).queryParam("region", "330").get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("region"));
    }

    private static Map<String, Long> totals(String token, String region) {
        var request = as(token);
        if (region != null) {
            request.queryParam("region", region);
        }
        List<Map<String, Object>> totals = request.get(PATH).then().statusCode(200).extract().path("totals");
        Map<String, Long> map = new HashMap<>();
        totals.forEach(t -> map.put((String) t.get("measure"), ((Number) t.get("value")).longValue()));
        return map;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        before.forEach((k, v) -> {
            if (!after.containsKey(k) && v != 0) {
                delta.put(k, -v);
            }
        });
        return delta;
    }
}
