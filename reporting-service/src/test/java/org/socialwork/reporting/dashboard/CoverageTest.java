package org.socialwork.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.reporting.readmodel.Fixtures;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Township coverage of a county fixture: 4 current townships (a fifth was merged away), one with a
 * station operating and meeting the standard, one operating below standard, one only established.
 */
@QuarkusTest
@Tag("clock")
class CoverageTest {

    @Inject
    DataSource dataSource;

    private static JsonPath network(String region) {
        return as("bureau-viewer", "71").queryParam("region", region).queryParam("year", 2025)
                .get("/api/v1/dashboards/network").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void coverageCountsTownshipsWithAnOperatingStationThatMeetsTheStandard() {
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("71", "样例省", "PROVINCE", 1));
            sent.add(events.region("7101", "样例市", "CITY", 1));
            sent.add(events.region("710101", "样例县", "COUNTY", 1));
            for (int i = 1; i <= 4; i++) {
                sent.add(events.region("71010100" + i, "镇" + i, "TOWNSHIP", 1));
            }
            sent.add(events.retiredRegion("710101005", "已撤并镇", "TOWNSHIP", 2, "710101001"));
            sent.add(events.region("710101001001", "村一", "VILLAGE", 1));
            sent.add(events.region("710101001002", "村二", "VILLAGE", 1));
            UUID covered = UUID.randomUUID();
            UUID belowStandard = UUID.randomUUID();
            sent.add(events.station(covered, "710101001", "TOWNSHIP_STATION", "OPERATING", true, 1,
                    s -> s.set("designations", Fixtures.JSON.valueToTree(List.of(
                            Map.of("kind", "PILOT", "level", "PROVINCIAL", "year", 2024))))));
            sent.add(events.station(UUID.randomUUID(), "710101001", "TOWNSHIP_STATION", "OPERATING", true, 1));
            sent.add(events.station(belowStandard, "710101002", "TOWNSHIP_STATION", "OPERATING", false, 1));
            sent.add(events.station(UUID.randomUUID(), "710101003", "TOWNSHIP_STATION", "ESTABLISHED", true, 1));
            sent.add(events.station(UUID.randomUUID(), "710101005", "TOWNSHIP_STATION", "OPERATING", true, 1));
            sent.add(events.station(UUID.randomUUID(), "710101001001", "VILLAGE_ROOM", "OPERATING", true, 1));
            Fixtures.awaitConsumed(dataSource, sent);

            JsonPath county = network("710101");
            assertThat(county.getLong("coverage.townships")).isEqualTo(4);
            assertThat(county.getLong("coverage.townshipsCovered")).isEqualTo(1);
            assertThat(county.getString("coverage.townshipCoverage")).isEqualTo("0.25");
            assertThat(county.getString("coverage.villageCoverage")).isEqualTo("0.5");
            assertThat(county.getLong("pilots")).isEqualTo(1);
            assertThat(county.getList("children.code")).contains("710101001", "710101002", "710101003", "710101004");
            assertThat(county.getString("asOf")).isNotNull();

            // Target: 50% by 2025 for the county, set by its bureau with If-Match.
            as("bureau-admin", "710101").contentType("application/json").body(Map.of("targetPercent", 50))
                    .put("/api/v1/coverage-targets/710101/2025").then().statusCode(428);
            as("bureau-admin", "710101").contentType("application/json").header("If-Match", "\"0\"")
                    .body(Map.of("targetPercent", 50)).put("/api/v1/coverage-targets/710101/2025").then()
                    .statusCode(200).header("ETag", "\"1\"");
            as("bureau-admin", "710101").contentType("application/json").header("If-Match", "\"0\"")
                    .body(Map.of("targetPercent", 60)).put("/api/v1/coverage-targets/710101/2025").then().statusCode(412);
            as("bureau-viewer", "710101").contentType("application/json").header("If-Match", "\"1\"")
                    .body(Map.of("targetPercent", 60)).put("/api/v1/coverage-targets/710101/2025").then().statusCode(403);
            county = network("710101");
            assertThat(county.getInt("target.targetPercent")).isEqualTo(50);
            assertThat(county.getString("target.progress")).isEqualTo("0.5");
            assertThat(county.getLong("target.townshipsStillNeeded")).isEqualTo(1);

            // The second station meets the standard: coverage rises; the first stops meeting it: it falls again.
            Fixtures.awaitConsumed(dataSource, List.of(
                    events.station(belowStandard, "710101002", "TOWNSHIP_STATION", "OPERATING", true, 2)));
            assertThat(network("710101").getString("coverage.townshipCoverage")).isEqualTo("0.5");
            Fixtures.awaitConsumed(dataSource, List.of(
                    events.station(belowStandard, "710101002", "TOWNSHIP_STATION", "OPERATING", false, 3)));
            JsonPath lowered = network("710101");
            assertThat(lowered.getLong("coverage.townshipsCovered")).isEqualTo(1);
            assertThat(lowered.getString("coverage.townshipCoverage")).isEqualTo("0.25");

            JsonPath city = network("7101");
            assertThat(city.getList("children.code")).containsExactly("710101");
            assertThat(city.getString("children[0].coverage.townshipCoverage")).isEqualTo("0.25");
        }
    }

    private static JsonPath coverage(String region, String period) {
        return as("bureau-viewer", region.substring(0, 2)).queryParam("region", region).queryParam("period", period)
                .get("/api/v1/dashboards/coverage").then().statusCode(200).extract().jsonPath();
    }

    /**
     * Coverage for a period is the state on its last day: each station's snapshot counts from its
     * updatedAt day on. Four townships; A covers from March to July, B from May, C from January until
     * its township is merged away (which removes the township from every day's figures).
     */
    @Test
    void coverageOfAPeriodIsTheStateOnItsLastDay() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("85", "历史省", "PROVINCE", 1));
            sent.add(events.region("8501", "历史市", "CITY", 1));
            sent.add(events.region("850101", "历史县", "COUNTY", 1));
            for (int i = 1; i <= 4; i++) {
                sent.add(events.region("85010100" + i, "镇" + i, "TOWNSHIP", 1));
            }
            sent.add(events.region("850101001001", "村一", "VILLAGE", 1));
            sent.add(events.region("850101001002", "村二", "VILLAGE", 1));
            sent.add(events.station(a, "850101001", "TOWNSHIP_STATION", "OPERATING", true, 1, at("2024-03-10T02:00:00Z")));
            sent.add(events.station(a, "850101001", "TOWNSHIP_STATION", "OPERATING", false, 2, at("2024-08-01T02:00:00Z")));
            sent.add(events.station(b, "850101002", "TOWNSHIP_STATION", "OPERATING", true, 1, at("2024-05-01T02:00:00Z")));
            sent.add(events.station(c, "850101003", "TOWNSHIP_STATION", "OPERATING", true, 1, at("2024-01-05T02:00:00Z")));
            sent.add(events.station(UUID.randomUUID(), "850101001001", "VILLAGE_ROOM", "OPERATING", true, 1,
                    at("2024-04-01T02:00:00Z")));
            Fixtures.awaitConsumed(dataSource, sent);

            assertThat(coverage("850101", "2023").getLong("coverage.townshipsCovered")).isZero();
            assertThat(coverage("850101", "2024-02").getString("coverage.townshipCoverage")).isEqualTo("0.25");
            JsonPath june = coverage("850101", "2024-06");
            assertThat(june.getString("coverageOn")).isEqualTo("2024-06-30");
            assertThat(june.getLong("coverage.townships")).isEqualTo(4);
            assertThat(june.getLong("coverage.townshipsCovered")).isEqualTo(3);
            assertThat(june.getString("coverage.villageCoverage")).isEqualTo("0.5");
            assertThat(june.getDouble("children.find { it.code == '850101001' }.coverage.townshipCoverage")).isEqualTo(1.0);
            assertThat(coverage("850101", "2024-03-09").getLong("coverage.townshipsCovered")).isEqualTo(1);
            assertThat(coverage("850101", "2024-03-10").getLong("coverage.townshipsCovered")).isEqualTo(2);
            JsonPath q3 = coverage("850101", "2024-Q3");
            assertThat(q3.getLong("coverage.townshipsCovered")).isEqualTo(2);
            assertThat(q3.getDouble("children.find { it.code == '850101001' }.coverage.townshipCoverage")).isZero();
            assertThat(coverage("8501", "2024-Q3").getString("children[0].coverage.townshipCoverage")).isEqualTo("0.5");
            assertThat(as("bureau-viewer", "85").queryParam("region", "850101").queryParam("year", 2024)
                    .get("/api/v1/dashboards/network").then().statusCode(200).extract().jsonPath()
                    .getLong("coverage.townshipsCovered")).isEqualTo(2);

            // Redelivered and older snapshots change nothing; a merged township leaves every day's figures.
            Fixtures.awaitConsumed(dataSource, List.of(
                    events.station(a, "850101001", "TOWNSHIP_STATION", "OPERATING", true, 1, at("2024-03-10T02:00:00Z")),
                    events.retiredRegion("850101003", "镇3", "TOWNSHIP", 2, "850101002")));
            JsonPath merged = coverage("850101", "2024-06");
            assertThat(merged.getLong("coverage.townships")).isEqualTo(3);
            assertThat(merged.getLong("coverage.townshipsCovered")).isEqualTo(2);
            assertThat(coverage("850101", "2024-02").getLong("coverage.townshipsCovered")).isZero();
        }
        as("bureau-viewer", "850101").queryParam("region", "8501").get("/api/v1/dashboards/coverage").then().statusCode(404);
        as("bureau-viewer", "850101").queryParam("region", "850101").queryParam("period", "2024-13")
                .get("/api/v1/dashboards/coverage").then().statusCode(400);
    }

    /**
     * A province records a station's history after the fact: registered (PLANNED) on a November
     * day, then its transitions with their real dates, ESTABLISHED in January and OPERATING in
     * March. Coverage follows the effective dates, whatever order the snapshots arrive in.
     */
    @Test
    void backfilledTransitionsCountFromTheirEffectiveDates() {
        UUID inOrder = UUID.randomUUID();
        UUID shuffled = UUID.randomUUID();
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("87", "补录省", "PROVINCE", 1));
            sent.add(events.region("8701", "补录市", "CITY", 1));
            sent.add(events.region("870101", "补录县", "COUNTY", 1));
            sent.add(events.region("870101001", "镇一", "TOWNSHIP", 1));
            sent.add(events.region("870101002", "镇二", "TOWNSHIP", 1));
            sent.add(events.station(inOrder, "870101001", "TOWNSHIP_STATION", "PLANNED", true, 1,
                    dated("2024-11-20", "2024-11-20T02:00:00Z")));
            sent.add(events.station(inOrder, "870101001", "TOWNSHIP_STATION", "ESTABLISHED", true, 2,
                    dated("2024-01-10", "2024-11-20T02:05:00Z")));
            sent.add(events.station(inOrder, "870101001", "TOWNSHIP_STATION", "OPERATING", true, 3,
                    dated("2024-03-01", "2024-11-20T02:10:00Z")));
            // The same history for the second township, its snapshots delivered newest first.
            sent.add(events.station(shuffled, "870101002", "TOWNSHIP_STATION", "OPERATING", true, 3,
                    dated("2024-03-01", "2024-11-20T02:10:00Z")));
            sent.add(events.station(shuffled, "870101002", "TOWNSHIP_STATION", "PLANNED", true, 1,
                    dated("2024-11-20", "2024-11-20T02:00:00Z")));
            sent.add(events.station(shuffled, "870101002", "TOWNSHIP_STATION", "ESTABLISHED", true, 2,
                    dated("2024-01-10", "2024-11-20T02:05:00Z")));
            Fixtures.awaitConsumed(dataSource, sent);
        }
        assertThat(coverage("870101", "2024-02").getLong("coverage.townshipsCovered")).isZero();
        assertThat(coverage("870101", "2024-02-29").getLong("coverage.townshipsCovered")).isZero();
        assertThat(coverage("870101", "2024-03-01").getLong("coverage.townshipsCovered")).isEqualTo(2);
        assertThat(coverage("870101", "2024-06").getLong("coverage.townshipsCovered")).isEqualTo(2);
        // The PLANNED registration of November is older than the transitions: it no longer uncovers anything.
        assertThat(coverage("870101", "2024-12").getLong("coverage.townshipsCovered")).isEqualTo(2);
    }

    private static Consumer<ObjectNode> dated(String effectiveOn, String updatedAt) {
        return s -> s.put("effectiveOn", effectiveOn).put("updatedAt", updatedAt);
    }

    private static Consumer<ObjectNode> at(String updatedAt) {
        return s -> s.put("updatedAt", updatedAt);
    }

    @Test
    void aBadPeriodIsAProblem() {
        as("dashboard", "71").queryParam("region", "71").queryParam("period", "2024-13")
                .get("/api/v1/dashboards/service-output").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:socialwork:problem:validation"));
    }
}
