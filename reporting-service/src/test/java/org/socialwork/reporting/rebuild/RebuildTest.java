package org.socialwork.reporting.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialwork.reporting.readmodel.Fixtures.admin;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.reporting.readmodel.Fixtures;
import org.socialwork.reporting.readmodel.Topics;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** A rebuild from the topics gives exactly the figures of the live read models. */
@QuarkusTest
class RebuildTest {

    /** With explicit years and periods: the figures are read twice, and the business day may change in between. */
    private static final List<String> DASHBOARDS = List.of(
            "network?region=75&year=2024", "network?region=7501&year=2024", "network?region=750101&year=2024",
            "service-output?region=75&period=2024-09", "service-output?region=75&period=2024",
            "service-output?region=7501&from=2024-09-02&to=2024-10-03", "service-output?region=750101001&period=2024-W36",
            "workforce?region=75&period=2024", "projects?region=75", "visit-compliance?region=75&period=2024-Q3",
            "evaluations?region=75&period=2025", "coverage?region=75&period=2024-06", "coverage?region=750101&period=2024",
            "service-output?region=750101001&from=2024-09-30&to=2024-10-02");

    @Inject
    DataSource dataSource;

    private static Map<String, String> figures() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String dashboard : DASHBOARDS) {
            all.put(dashboard, as("dashboard", "75").get("/api/v1/dashboards/" + dashboard).then().statusCode(200)
                    .extract().asString().replaceAll("\"asOf\":\"[^\"]*\"", ""));
        }
        return all;
    }

    @Test
    void theRebuiltGenerationServesTheSameFigures() {
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("75", "重建省", "PROVINCE", 1));
            sent.add(events.region("7501", "重建市", "CITY", 1));
            sent.add(events.region("750101", "重建县", "COUNTY", 1));
            sent.add(events.region("750101001", "一镇", "TOWNSHIP", 1));
            sent.add(events.region("750101002", "二镇", "TOWNSHIP", 1));
            sent.add(events.region("750101001001", "一村", "VILLAGE", 1));
            UUID station = UUID.randomUUID();
            sent.add(events.station(station, "750101001", "TOWNSHIP_STATION", "OPERATING", false, 1,
                    s -> s.put("updatedAt", "2024-03-01T02:00:00Z")));
            sent.add(events.station(station, "750101001", "TOWNSHIP_STATION", "OPERATING", true, 2,
                    s -> s.put("updatedAt", "2024-07-01T02:00:00Z")));
            UUID worker = UUID.randomUUID();
            ObjectNode w = Fixtures.example("personnel-service", "worker-changed.v1.json");
            w.put("id", worker.toString()).put("qualificationLevel", "ASSISTANT");
            sent.add(events.send(Topics.WORKER, "urn:p", "org.socialwork.worker.changed.v1", worker.toString(), w));
            ObjectNode a = Fixtures.example("personnel-service", "assignment-changed.v1.json");
            UUID assignment = UUID.randomUUID();
            a.put("id", assignment.toString()).put("workerId", worker.toString()).put("stationId", station.toString())
                    .put("stationRegionCode", "750101001");
            sent.add(events.send(Topics.ASSIGNMENT, "urn:p", "org.socialwork.assignment.changed.v1",
                    assignment.toString(), a));
            ObjectNode t = Fixtures.example("personnel-service", "training-changed.v1.json");
            UUID training = UUID.randomUUID();
            t.put("id", training.toString()).put("organizerRegionCode", "750101");
            sent.add(events.send(Topics.TRAINING, "urn:p", "org.socialwork.training.changed.v1", training.toString(), t));
            ObjectNode p = Fixtures.example("projects-service", "project-changed.v1.json");
            UUID project = UUID.randomUUID();
            p.put("id", project.toString()).put("purchaserRegionCode", "750101");
            sent.add(events.send(Topics.PROJECT, "urn:q", "org.socialwork.project.changed.v1", project.toString(), p));
            UUID client = UUID.randomUUID();
            ObjectNode c = Fixtures.example("projects-service", "client-changed.v1.json");
            c.put("id", client.toString()).put("villageRegionCode", "750101001001");
            sent.add(events.send(Topics.CLIENT, "urn:q", "org.socialwork.client.changed.v1", client.toString(), c));
            ObjectNode e = Fixtures.example("projects-service", "evaluation-changed.v1.json");
            UUID evaluation = UUID.randomUUID();
            e.put("id", evaluation.toString()).put("purchaserRegionCode", "750101");
            sent.add(events.send(Topics.EVALUATION, "urn:q", "org.socialwork.evaluation.changed.v1",
                    evaluation.toString(), e));
            for (int i = 0; i < 6; i++) {
                UUID id = UUID.randomUUID();
                String day = "2024-09-0" + (i + 1) + "T0" + i + ":00:00Z";
                sent.add(events.send(events.record(id, 1, i % 2 == 0 ? "VISIT" : "GROUP_SESSION", day, 30 + i, station,
                        "750101001", List.of(client), List.of("ELDERLY"))));
                if (i % 3 == 0) {
                    sent.add(events.send(events.record(id, 2, "VISIT", "2024-10-01T16:30:00Z", 45, station,
                            "750101001001", List.of(client, UUID.randomUUID()), List.of("CHILDREN"))));
                }
            }
            Fixtures.awaitConsumed(dataSource, sent);
        }
        Map<String, String> live = figures();
        assertThat(live.get("service-output?region=75&period=2024")).contains("\"records\":6");
        assertThat(live.get("network?region=750101&year=2024")).contains("\"townshipsCovered\":1");
        assertThat(live.get("coverage?region=75&period=2024-06")).contains("\"townshipsCovered\":0");
        assertThat(live.get("coverage?region=750101&period=2024")).contains("\"townshipsCovered\":1");

        as("bureau-admin", "75").post("/api/v1/admin/rebuild").then().statusCode(403);
        int before = admin().get("/api/v1/admin/rebuild").then().statusCode(200).extract().path("generation");
        int generation = admin().post("/api/v1/admin/rebuild").then().statusCode(202).extract().path("generation");
        assertThat(generation).isGreaterThan(before);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> !"BUILDING".equals(
                admin().get("/api/v1/admin/rebuild/" + generation).then().extract().path("state")));
        var done = admin().get("/api/v1/admin/rebuild/" + generation).then().statusCode(200).extract();
        assertThat(done.<String>path("state")).isEqualTo("ACTIVE");
        assertThat(done.<Integer>path("eventsDone")).isPositive();
        assertThat(admin().get("/api/v1/admin/rebuild/" + before).then().extract().<String>path("state"))
                .isEqualTo("RETIRED");

        assertThat(figures()).isEqualTo(live);
    }
}
