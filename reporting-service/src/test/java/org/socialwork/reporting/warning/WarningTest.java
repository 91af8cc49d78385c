package org.socialwork.reporting.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.socialwork.reporting.readmodel.Fixtures.admin;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.reporting.readmodel.Fixtures;
import org.socialwork.reporting.readmodel.Topics;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** Warnings are raised by the rules, scoped like dashboards, acknowledged with If-Match and resolved when they clear. */
@QuarkusTest
@Tag("clock")
class WarningTest {

    @Inject
    DataSource dataSource;

    @Test
    void understaffedProjectsAndInactiveStationsAreWarnedInScope() throws Exception {
        UUID project = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        UUID busy = UUID.randomUUID();
        ObjectNode p = Fixtures.example("projects-service", "project-changed.v1.json");
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("79", "预警省", "PROVINCE", 1));
            sent.add(events.region("7901", "预警市", "CITY", 1));
            sent.add(events.region("790101", "甲县", "COUNTY", 1));
            sent.add(events.region("790102", "乙县", "COUNTY", 1));
            sent.add(events.station(busy, "790101001", "TOWNSHIP_STATION", "OPERATING", true, 1));
            sent.add(events.station(quiet, "790102001", "TOWNSHIP_STATION", "OPERATING", true, 1));
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-15T02:00:00Z", 30, busy,
                    "790101001", List.of(UUID.randomUUID()), List.of())));
            p.put("id", project.toString()).put("purchaserRegionCode", "790101").put("version", 1);
            p.set("stationIds", Fixtures.JSON.valueToTree(List.of(busy.toString())));
            p.set("targets", Fixtures.JSON.valueToTree(List.of()));
            sent.add(events.send(Topics.PROJECT, "urn:q", "org.socialwork.project.changed.v1", project.toString(), p));
            Fixtures.awaitConsumed(dataSource, sent);
        }
        as("bureau-admin", "79").post("/api/v1/admin/warnings/evaluate").then().statusCode(403);
        admin().queryParam("asOf", "2024-09-25").post("/api/v1/admin/warnings/evaluate").then().statusCode(200);

        List<Map<String, Object>> county = as("bureau-viewer", "790101").queryParam("region", "790101")
                .get("/api/v1/warnings").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(county).extracting(w -> w.get("kind") + ":" + w.get("subjectId"))
                .contains("UNDERSTAFFED:" + project).doesNotContain("STATION_INACTIVE:" + busy)
                .noneMatch(k -> k.endsWith(quiet.toString()));
        List<Map<String, Object>> neighbour = as("bureau-viewer", "79").queryParam("region", "790102")
                .queryParam("kind", "STATION_INACTIVE").get("/api/v1/warnings").then().statusCode(200).extract()
                .jsonPath().getList("items");
        assertThat(neighbour).extracting(w -> w.get("subjectId")).containsExactly(quiet.toString());
        String quietWarning = (String) neighbour.get(0).get("id");
        as("bureau-viewer", "790101").get("/api/v1/warnings/" + quietWarning).then().statusCode(404);
        as("bureau-viewer", "790101").queryParam("region", "790102").get("/api/v1/warnings").then().statusCode(404);
        as("bureau-admin", "790101").header("If-Match", "\"1\"").post("/api/v1/warnings/" + quietWarning + "/acknowledge")
                .then().statusCode(404);

        // Warnings name clients and projects: the dashboard role and agency or field callers see none.
        as("dashboard", "79").queryParam("region", "790102").get("/api/v1/warnings").then().statusCode(403);
        for (String role : List.of("dashboard", "agency-admin", "field-worker", "evaluator")) {
            as(role, "79").get("/api/v1/warnings/" + quietWarning).then().statusCode(404);
            as(role, "79").get("/api/v1/warnings/" + UUID.randomUUID()).then().statusCode(404);
        }
        as("dashboard", "79").queryParam("region", "790102").get("/api/v1/exports/warnings.csv").then().statusCode(403);
        as("bureau-viewer", "79").header("If-Match", "\"1\"").post("/api/v1/warnings/" + UUID.randomUUID() + "/acknowledge")
                .then().statusCode(403);
        as("bureau-viewer", "79").queryParam("region", "790102").queryParam("kind", "NOPE").get("/api/v1/warnings")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as("bureau-viewer", "79").queryParam("region", "790102").queryParam("status", "NOPE").get("/api/v1/warnings")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        for (String limit : List.of("100000", "-1", "0")) {
            as("bureau-viewer", "79").queryParam("region", "790102").queryParam("limit", limit)
                    .get("/api/v1/exports/warnings.csv").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        }

        assertWalksInPagesOfOne("79");

        String understaffed = county.stream().filter(w -> "UNDERSTAFFED".equals(w.get("kind"))).findFirst()
                .map(w -> (String) w.get("id")).orElseThrow();
        String path = "/api/v1/warnings/" + understaffed;
        as("bureau-admin", "790101").post(path + "/acknowledge").then().statusCode(428);
        as("bureau-viewer", "790101").header("If-Match", "\"1\"").post(path + "/acknowledge").then().statusCode(403);
        as("bureau-admin", "790101").header("If-Match", "\"1\"").post(path + "/acknowledge").then().statusCode(200)
                .header("ETag", "\"2\"");
        as("bureau-admin", "790101").header("If-Match", "\"1\"").post(path + "/resolve").then().statusCode(412);

        // The team reaches the required size: the next evaluation resolves the warning by itself.
        try (Fixtures events = new Fixtures()) {
            p.put("version", 2).set("team", Fixtures.JSON.valueToTree(List.of(
                    Map.of("workerId", UUID.randomUUID().toString(), "role", "PROJECT_LEAD", "since", "2024-07-01"),
                    Map.of("workerId", UUID.randomUUID().toString(), "role", "SOCIAL_WORKER", "since", "2024-07-01"),
                    Map.of("workerId", UUID.randomUUID().toString(), "role", "SOCIAL_WORKER", "since", "2024-07-01"))));
            Fixtures.awaitConsumed(dataSource, List.of(
                    events.send(Topics.PROJECT, "urn:q", "org.socialwork.project.changed.v1", project.toString(), p)));
        }
        admin().queryParam("asOf", "2024-09-25").post("/api/v1/admin/warnings/evaluate").then().statusCode(200);
        as("bureau-viewer", "790101").get(path).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("RESOLVED"));

        List<ConsumerRecord<String, byte[]>> published = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TopicReader.read("reporting.warning.v1", r -> understaffed.equals(r.key()),
                        Duration.ofSeconds(1)), r -> r.size() >= 3);
        assertThat(published).extracting(r -> Fixtures.map(new String(r.value())).get("status"))
                .containsExactly("OPEN", "ACKNOWLEDGED", "RESOLVED");
    }

    /**
     * LATE_FILING for station assignments: an active one unfiled past the deadline (MEDIUM), one
     * filed late recently (LOW); one filed in time and one still inside the deadline are not warned.
     */
    @Test
    void assignmentsNotFiledInTimeAreLateFilings() {
        UUID station = UUID.randomUUID();
        UUID unfiled = UUID.randomUUID();
        UUID filedLate = UUID.randomUUID();
        UUID filedInTime = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID roleChange = UUID.randomUUID();
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("86", "备案省", "PROVINCE", 1));
            sent.add(events.region("8601", "备案市", "CITY", 1));
            sent.add(events.region("860101", "备案县", "COUNTY", 1));
            sent.add(events.station(station, "860101001", "TOWNSHIP_STATION", "OPERATING", true, 1));
            sent.add(assignment(events, unfiled, station, "2024-09-01", null));
            sent.add(assignment(events, filedLate, station, "2024-09-01", Map.of("filedOn", "2024-09-20",
                    "daysAfterChange", 19, "late", true)));
            sent.add(assignment(events, filedInTime, station, "2024-09-01", Map.of("filedOn", "2024-09-03",
                    "daysAfterChange", 2, "late", false)));
            sent.add(assignment(events, recent, station, "2024-09-22", null));
            // Started long ago; its role changed on 2024-09-12 and the change was filed 8 days later.
            sent.add(assignment(events, roleChange, station, "2023-01-01", Map.of("filedOn", "2024-09-20",
                    "daysAfterChange", 8, "late", true)));
            Fixtures.awaitConsumed(dataSource, sent);
        }
        admin().queryParam("asOf", "2024-09-25").post("/api/v1/admin/warnings/evaluate").then().statusCode(200);
        List<Map<String, Object>> warnings = as("bureau-viewer", "860101").queryParam("region", "860101")
                .queryParam("kind", "LATE_FILING").get("/api/v1/warnings").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(warnings).filteredOn(w -> "ASSIGNMENT".equals(w.get("subjectType")))
                .extracting(w -> w.get("subjectId") + ":" + w.get("severity"))
                .containsExactlyInAnyOrder(unfiled + ":MEDIUM", filedLate + ":LOW", roleChange + ":LOW");
        Map<String, Object> change = warnings.stream().filter(w -> roleChange.toString().equals(w.get("subjectId")))
                .findFirst().orElseThrow();
        assertThat(((Number) change.get("measured")).intValue()).isEqualTo(8);
        assertThat((String) change.get("detail")).contains("2024-09-12").contains("8 天");
        as("bureau-viewer", "79").queryParam("region", "860101").queryParam("kind", "LATE_FILING")
                .get("/api/v1/warnings").then().statusCode(404);

        // The unfiled assignment is filed: the next evaluation resolves its warning.
        try (Fixtures events = new Fixtures()) {
            ObjectNode a = assignmentPayload(unfiled, station, "2024-09-01", Map.of("filedOn", "2024-09-26",
                    "daysAfterChange", 25, "late", true)).put("version", 3);
            Fixtures.awaitConsumed(dataSource, List.of(events.send(Topics.ASSIGNMENT, "urn:p",
                    "org.socialwork.assignment.changed.v1", unfiled.toString(), a)));
        }
        admin().queryParam("asOf", "2024-09-26").post("/api/v1/admin/warnings/evaluate").then().statusCode(200);
        List<Map<String, Object>> after = as("bureau-viewer", "860101").queryParam("region", "860101")
                .queryParam("kind", "LATE_FILING").get("/api/v1/warnings").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(after).filteredOn(w -> unfiled.toString().equals(w.get("subjectId")))
                .extracting(w -> w.get("severity") + ":" + w.get("status")).containsExactly("LOW:OPEN");
    }

    private static UUID assignment(Fixtures events, UUID id, UUID station, String from, Map<String, Object> filing) {
        return events.send(Topics.ASSIGNMENT, "urn:p", "org.socialwork.assignment.changed.v1", id.toString(),
                assignmentPayload(id, station, from, filing));
    }

    private static ObjectNode assignmentPayload(UUID id, UUID station, String from, Map<String, Object> filing) {
        ObjectNode a = Fixtures.example("personnel-service", "assignment-changed.v1.json");
        a.put("id", id.toString()).put("workerId", UUID.randomUUID().toString()).put("stationId", station.toString())
                .put("stationRegionCode", "860101001").put("from", from).put("status", "ACTIVE");
        a.set("filing", Fixtures.JSON.valueToTree(filing));
        return a;
    }

    /** Following `next` with limit=1 visits the same warnings, in the same order, as one big page. */
    private static void assertWalksInPagesOfOne(String region) {
        List<String> all = as("bureau-viewer", region).queryParam("region", region).queryParam("limit", 200)
                .get("/api/v1/warnings").then().statusCode(200).body("next", nullValue()).extract().path("items.id");
        assertThat(all).hasSizeGreaterThanOrEqualTo(2);
        var first = as("bureau-viewer", region).queryParam("region", region).queryParam("limit", 1)
                .get("/api/v1/warnings").then().statusCode(200).body("items.size()", equalTo(1)).extract();
        List<String> walked = new ArrayList<>(first.<List<String>>path("items.id"));
        String next = first.path("next");
        assertThat(next).contains("cursor=").contains("limit=1");
        var second = as("bureau-viewer", region).get(next).then().statusCode(200).body("items.size()", equalTo(1))
                .extract();
        walked.addAll(second.<List<String>>path("items.id"));
        next = second.path("next");
        while (next != null) {
            var page = as("bureau-viewer", region).get(next).then().statusCode(200).extract();
            walked.addAll(page.<List<String>>path("items.id"));
            next = page.path("next");
        }
        assertThat(walked).isEqualTo(all);
        as("bureau-viewer", region).queryParam("region", region).queryParam("cursor", "not-a-cursor")
                .get("/api/v1/warnings").then().statusCode(400);
        as("bureau-viewer", region).queryParam("region", region).queryParam("limit", 201).get("/api/v1/warnings").then()
                .statusCode(400);
    }
}
