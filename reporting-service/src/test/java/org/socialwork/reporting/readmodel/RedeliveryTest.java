package org.socialwork.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Events delivered twice or out of order leave every figure unchanged. */
@QuarkusTest
class RedeliveryTest {

    @Inject
    DataSource dataSource;

    private static JsonPath output(String region, String period) {
        return as("dashboard", "72").queryParam("region", region).queryParam("period", period)
                .get("/api/v1/dashboards/service-output").then().statusCode(200).extract().jsonPath();
    }

    /** Of an explicit year: the figures are compared before and after, and the business day may change in between. */
    private static String network(String region) {
        return as("dashboard", "72").queryParam("region", region).queryParam("year", 2024)
                .get("/api/v1/dashboards/network").then()
                .statusCode(200).extract().jsonPath().prettify().replaceAll("\"asOf\": \"[^\"]*\"", "");
    }

    private static String figures(JsonPath p) {
        return p.getString("totals") + p.getString("series") + p.getString("children");
    }

    @Test
    void duplicatesAndStaleEventsChangeNothing() {
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("72", "测试省", "PROVINCE", 1));
            sent.add(events.region("7201", "测试市", "CITY", 1));
            sent.add(events.region("720101", "甲县", "COUNTY", 1));
            sent.add(events.region("720102", "乙县", "COUNTY", 1));
            sent.add(events.region("720101001", "甲镇", "TOWNSHIP", 1));
            sent.add(events.region("720102001", "乙镇", "TOWNSHIP", 1));
            UUID stationA = UUID.randomUUID();
            UUID stationB = UUID.randomUUID();
            UUID stationEvent = events.station(stationA, "720101001", "TOWNSHIP_STATION", "OPERATING", true, 3);
            sent.add(stationEvent);
            sent.add(events.station(stationB, "720102001", "TOWNSHIP_STATION", "OPERATING", false, 1));
            UUID client = UUID.randomUUID();
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            UUID d = UUID.randomUUID();
            ObjectNode a1 = events.record(a, 1, "VISIT", "2024-09-03T02:00:00Z", 60, stationA, "720101001",
                    List.of(client), List.of("ELDERLY"));
            ObjectNode a2 = events.record(a, 2, "GROUP_SESSION", "2024-09-04T02:00:00Z", 90, stationA, "720101001",
                    List.of(client), List.of("CHILDREN"));
            ObjectNode b1 = events.record(b, 1, "CASE_SESSION", "2024-09-30T17:00:00Z", 30, stationB, "720102001",
                    List.of(UUID.randomUUID()), List.of("ELDERLY"));
            ObjectNode d2 = events.record(d, 2, "VISIT", "2024-09-12T02:00:00Z", 40, stationB, "720102001",
                    List.of(client), List.of());
            ObjectNode d1 = events.record(d, 1, "COMMUNITY_ACTIVITY", "2024-09-12T02:00:00Z", 500, stationB, "720102001",
                    List.of(client), List.of());
            UUID a1Id = UUID.randomUUID();
            UUID a2Id = UUID.randomUUID();
            UUID b1Id = UUID.randomUUID();
            events.send(a1Id, a1);
            events.send(a2Id, a2);
            events.send(b1Id, b1);
            sent.add(events.send(d2));
            sent.add(events.send(d1));
            sent.addAll(List.of(a1Id, a2Id, b1Id));
            Fixtures.awaitConsumed(dataSource, sent);

            JsonPath before = output("72", "2024-09");
            // A counts at its corrected revision only; B happened on 1 October in China; D kept revision 2.
            assertThat(before.getLong("totals.records")).isEqualTo(2);
            assertThat(before.getLong("totals.groupSessions")).isEqualTo(1);
            assertThat(before.getLong("totals.visits")).isEqualTo(1);
            assertThat(before.getLong("totals.communityActivities")).isZero();
            assertThat(before.getString("totals.serviceHours")).isEqualTo("2.2");
            assertThat(before.getLong("totals.distinctClients")).isEqualTo(1);
            assertThat(before.getMap("totals.byCategory")).containsOnlyKeys("CHILDREN");
            assertThat(output("72", "2024-10").getLong("totals.caseSessions")).isEqualTo(1);
            String networkBefore = network("72");
            assertThat(networkBefore).contains("\"townshipsCovered\": 1");

            // Redeliveries (same ids), an older revision and an older snapshot (new ids) after the newer ones.
            events.send(a1Id, a1);
            events.send(a2Id, a2);
            events.send(b1Id, b1);
            UUID staleRecord = events.send(a1);
            UUID staleStation = events.station(stationA, "720101001", "TOWNSHIP_STATION", "SUSPENDED", false, 2);
            events.resend(Topics.STATION, stationEvent, Fixtures.STATIONS, "org.socialwork.station.changed.v1",
                    stationA.toString(), Fixtures.example("stations-service", "station-changed.v1.json"));
            UUID staleAfterRedelivery = events.station(stationA, "720101001", "TOWNSHIP_STATION", "CLOSED", false, 1);
            Fixtures.awaitConsumed(dataSource, List.of(staleRecord, staleStation, staleAfterRedelivery));

            JsonPath after = output("72", "2024-09");
            assertThat(figures(after)).isEqualTo(figures(before));
            assertThat(output("72", "2024-10").getLong("totals.caseSessions")).isEqualTo(1);
            assertThat(network("72")).isEqualTo(networkBefore);
        }
    }

    @Test
    void aCorrectionMovesTheRecordToItsNewDayAndRegion() {
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("72", "测试省", "PROVINCE", 1));
            sent.add(events.region("7202", "丙市", "CITY", 1));
            sent.add(events.region("720201", "丙县", "COUNTY", 1));
            sent.add(events.region("720202", "丁县", "COUNTY", 1));
            Fixtures.awaitConsumed(dataSource, sent);
            UUID station = UUID.randomUUID();
            UUID id = UUID.randomUUID();
            events.send(events.record(id, 1, "VISIT", "2024-05-03T02:00:00Z", 60, station, "720201001",
                    List.of(UUID.randomUUID()), List.of()));
            await().atMost(Duration.ofSeconds(30)).until(() -> output("7202", "2024-05").getLong("totals.visits") == 1);
            events.send(events.record(id, 2, "VISIT", "2024-06-03T02:00:00Z", 60, station, "720202001",
                    List.of(UUID.randomUUID()), List.of()));
            await().atMost(Duration.ofSeconds(30)).until(() -> output("7202", "2024-06").getLong("totals.visits") == 1);
            assertThat(output("7202", "2024-05").getLong("totals.visits")).isZero();
            JsonPath june = output("7202", "2024-Q2");
            assertThat(june.getLong("totals.visits")).isEqualTo(1);
            assertThat(june.getList("children.code")).containsExactly("720202");
            assertThat(june.getString("granularity")).isEqualTo("MONTH");
        }
    }
}
