package org.socialwork.reporting.reconciliation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.platform.reconciliation.SourceTotals;
import org.socialwork.reporting.readmodel.Fixtures;
import org.socialwork.reporting.readmodel.Topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The reconciliation on real events through the real broker, against producers served by
 * {@link ProducerStubs} with the producers' own response record: consistent when both sides count
 * the same, every difference marked when the source holds one more record, and a producer that is
 * down reported UNAVAILABLE.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciliationTest {

    private static final String PATH = "/api/v1/admin/reconciliation";
    private static final String COUNTY = "610101";
    private static final String TOWNSHIP = "610101001";
    private static final LocalDate DAY = LocalDate.of(2024, 10, 15);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    private final String bureau = DevTokens.mint(DevTokens.Caller.bureau("bureau-admin", "6101"));

    /** Two stations, a worker placed at one, three service records on DAY (one of them corrected), all as events. */
    @BeforeAll
    void events() {
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("61", "核对省", "PROVINCE", 1));
            sent.add(events.region("6101", "核对市", "CITY", 1));
            sent.add(events.region(COUNTY, "核对县", "COUNTY", 1));
            sent.add(events.region(TOWNSHIP, "核对镇", "TOWNSHIP", 1));
            sent.add(events.region("6102", "邻市", "CITY", 1));
            UUID station = UUID.randomUUID();
            sent.add(events.station(station, TOWNSHIP, "TOWNSHIP_STATION", "OPERATING", true, 1));
            sent.add(events.station(UUID.randomUUID(), TOWNSHIP + "001", "VILLAGE_ROOM", "PLANNED", false, 1));
            UUID worker = UUID.randomUUID();
            ObjectNode w = Fixtures.example("personnel-service", "worker-changed.v1.json");
            w.put("id", worker.toString());
            sent.add(events.send(Topics.WORKER, "urn:p", "org.socialwork.worker.changed.v1", worker.toString(), w));
            UUID assignment = UUID.randomUUID();
            ObjectNode a = Fixtures.example("personnel-service", "assignment-changed.v1.json");
            a.put("id", assignment.toString()).put("workerId", worker.toString()).put("stationId", station.toString())
                    .put("stationRegionCode", TOWNSHIP);
            sent.add(events.send(Topics.ASSIGNMENT, "urn:p", "org.socialwork.assignment.changed.v1", assignment.toString(), a));
            String morning = DAY + "T02:00:00Z";
            UUID corrected = UUID.randomUUID();
            sent.add(events.send(events.record(corrected, 1, "VISIT", morning, 45, station, TOWNSHIP, List.of(UUID.randomUUID()),
                    List.of("ELDERLY_CARE"))));
            sent.add(events.send(events.record(corrected, 2, "VISIT", morning, 60, station, TOWNSHIP, List.of(UUID.randomUUID()),
                    List.of("ELDERLY_CARE"))));
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", DAY + "T05:00:00Z", 30, station, TOWNSHIP,
                    List.of(UUID.randomUUID()), List.of("ELDERLY_CARE"))));
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "GROUP_SESSION", DAY + "T08:00:00Z", 90, station, TOWNSHIP,
                    List.of(), List.of("CHILD_WELFARE"))));
            // 16:10 UTC is the next business day in China: not part of DAY on either side.
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", DAY + "T16:10:00Z", 20, station, TOWNSHIP,
                    List.of(UUID.randomUUID()), List.of("ELDERLY_CARE"))));
            Fixtures.awaitConsumed(dataSource, sent);
        }
    }

    @AfterEach
    void resetStubs() {
        ProducerStubs.reset();
    }

    /** What the producers count for the same data. */
    private void producersAgree(long extraVisits) {
        answer(Producer.STATIONS, null, totals(
                "stations", 2L,
                "stations.byLevel.TOWNSHIP_STATION", 1L, "stations.byLevel.VILLAGE_ROOM", 1L,
                "stations.byStatus.OPERATING", 1L, "stations.byStatus.PLANNED", 1L,
                "stations.byLevelAndStatus.TOWNSHIP_STATION.OPERATING", 1L, "stations.byLevelAndStatus.VILLAGE_ROOM.PLANNED", 1L));
        answer(Producer.PERSONNEL, null, totals(
                "workforce.workers", 1L, "workforce.byCategory.STATION_FULL_TIME", 1L,
                "workforce.byQualificationLevel.INTERMEDIATE", 1L, "workers.byStatus.ACTIVE", 1L));
        answer(Producer.PROJECTS, new SourceTotals.Period("RANGE", DAY, DAY), totals(
                "serviceRecords", 3L + extraVisits, "serviceRecords.byType.GROUP_SESSION", 1L,
                "serviceRecords.byType.VISIT", 2L + extraVisits, "serviceMinutes", 180L + 45 * extraVisits,
                "serviceParticipants", 3L + extraVisits));
    }

    @Test
    void producersThatCountTheSameAreConsistent() {
        producersAgree(0);
        JsonPath body = reconcile(bureau, DAY.toString());
        assertThat(body.getBoolean("consistent")).as(body.prettify()).isTrue();
        assertThat(body.getList("sources.status")).containsExactly("OK", "OK", "OK");
        assertThat(body.getList("sources.asOf")).doesNotContainNull();
        assertThat(body.getList("figures.ok", Boolean.class)).isNotEmpty().containsOnly(true);
        assertThat(figure(body, "projects-service", "serviceRecords")).containsEntry("source", 3).containsEntry("reporting", 3)
                .containsEntry("difference", 0);
        assertThat(figure(body, "projects-service", "serviceMinutes")).containsEntry("reporting", 180);
        assertThat(figure(body, "personnel-service", "workforce.workers")).containsEntry("reporting", 1);
        assertThat(figure(body, "stations-service", "stations.byStatus.PLANNED")).containsEntry("reporting", 1);
        assertThat(body.getString("period.type")).isEqualTo("DAY");

        // Each producer was asked with the caller's own token, for the region; only projects for the period's days.
        assertThat(ProducerStubs.last(Producer.PROJECTS).authorization()).isEqualTo("Bearer " + bureau);
        assertThat(ProducerStubs.last(Producer.PROJECTS).query()).isEqualTo("region=" + COUNTY + "&from=" + DAY + "&to=" + DAY);
        assertThat(ProducerStubs.last(Producer.STATIONS).query()).isEqualTo("region=" + COUNTY);
        assertThat(ProducerStubs.last(Producer.PERSONNEL).authorization()).isEqualTo("Bearer " + bureau);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("socialwork_reconciliation_consistent 1.0");
        assertThat(metricLine(metrics, "socialwork_reconciliation_difference", "projects-service", "serviceRecords"))
                .endsWith(" 0.0");
    }

    @Test
    void aRecordTheReadModelsLackIsMarkedInEveryFigureItTouches() {
        producersAgree(1);
        JsonPath body = reconcile(DevTokens.mint(DevTokens.Caller.bureau("bureau-viewer", COUNTY)), DAY.toString());
        assertThat(body.getBoolean("consistent")).isFalse();
        assertThat(body.getList("sources.status")).containsExactly("OK", "OK", "OK");
        assertThat(figure(body, "projects-service", "serviceRecords")).containsEntry("source", 4).containsEntry("reporting", 3)
                .containsEntry("difference", -1).containsEntry("ok", false);
        assertThat(figure(body, "projects-service", "serviceRecords.byType.VISIT")).containsEntry("difference", -1)
                .containsEntry("ok", false);
        assertThat(figure(body, "projects-service", "serviceMinutes")).containsEntry("difference", -45);
        assertThat(figure(body, "projects-service", "serviceRecords.byType.GROUP_SESSION")).containsEntry("ok", true);
        assertThat(figure(body, "stations-service", "stations")).containsEntry("ok", true);
        List<Map<String, Object>> wrong = body.<Map<String, Object>>getList("figures").stream()
                .filter(f -> !(Boolean) f.get("ok")).toList();
        assertThat(wrong).extracting(f -> f.get("measure")).containsExactlyInAnyOrder("serviceRecords",
                "serviceRecords.byType.VISIT", "serviceMinutes", "serviceParticipants");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("socialwork_reconciliation_consistent 0.0");
        assertThat(metricLine(metrics, "socialwork_reconciliation_difference", "projects-service", "serviceRecords"))
                .endsWith(" -1.0");
    }

    @Test
    void aProducerThatIsDownIsReportedUnavailableNotAsAnError() {
        producersAgree(0);
        ProducerStubs.down(Producer.PERSONNEL);
        JsonPath body = reconcile(bureau, DAY.toString());
        assertThat(body.getBoolean("consistent")).isFalse();
        assertThat(body.getList("sources.status")).containsExactly("OK", "UNAVAILABLE", "OK");
        assertThat(body.getString("sources[1].service")).isEqualTo("personnel-service");
        assertThat(body.getString("sources[1].asOf")).isNull();
        assertThat(figure(body, "personnel-service", "workforce.workers")).containsEntry("reporting", 1)
                .containsEntry("source", null).containsEntry("ok", false);
        // The producers that answered are still compared.
        assertThat(figure(body, "projects-service", "serviceRecords")).containsEntry("ok", true);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metricLine(metrics, "socialwork_reconciliation_source_up", "personnel-service", null)).endsWith(" 0.0");
    }

    @Test
    void onlyBureauUsersInScopeAndPlatformAdminsMayReconcileAndABadPeriodIsAProblem() {
        given().auth().oauth2(DevTokens.mint(DevTokens.Caller.bureau("bureau-admin", "6102"))).queryParam("region", COUNTY)
                .get(PATH).then().statusCode(404).contentType("application/problem+json");
        for (String role : List.of("dashboard", "agency-admin", "field-worker", "evaluator")) {
            given().auth().oauth2(DevTokens.mint(new DevTokens.Caller(role + "-" + UUID.randomUUID(), Set.of(role), COUNTY,
                    null, null))).queryParam("region", COUNTY).get(PATH).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String bad : List.of("2024-13", "2024-W60", "2024-Q0")) {
            given().auth().oauth2(bureau).queryParam("region", COUNTY).queryParam("period", bad).get(PATH).then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        }
        producersAgree(0);
        given().auth().oauth2(DevTokens.mint(DevTokens.Caller.platformAdmin())).queryParam("region", COUNTY)
                .queryParam("period", DAY.toString()).get(PATH).then().statusCode(200).body("consistent", equalTo(true))
                .body("figures.ok", everyItem(equalTo(true))).body("sources[0].detail", nullValue());
    }

    private JsonPath reconcile(String token, String period) {
        return given().auth().oauth2(token).queryParam("region", COUNTY).queryParam("period", period).get(PATH)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> figure(JsonPath body, String service, String measure) {
        return body.<Map<String, Object>>getList("figures").stream()
                .filter(f -> service.equals(f.get("service")) && measure.equals(f.get("measure"))).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + service + " " + measure + " in " + body.prettify()));
    }

    private static String metricLine(String metrics, String name, String service, String measure) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains("service=\"" + service + "\"")
                        && (measure == null || l.contains("measure=\"" + measure + "\"")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " for " + service + " " + measure));
    }

    private static Map<String, Long> totals(Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return map;
    }

    private void answer(Producer producer, SourceTotals.Period period, Map<String, Long> totals) {
        try {
            ProducerStubs.answer(producer, mapper.writeValueAsString(new SourceTotals(producer.service(), COUNTY, period,
                    OffsetDateTime.parse("2026-01-05T08:00:00Z"), SourceTotals.of(totals))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
