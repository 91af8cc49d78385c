package org.socialwork.projects.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.infra.testing.EventContract.assertCleanupPolicy;
import static org.socialwork.infra.testing.EventContract.assertCloudEvents;
import static org.socialwork.infra.testing.EventContract.awaitEvents;
import static org.socialwork.projects.Fixtures.HAINING;
import static org.socialwork.projects.Fixtures.as;
import static org.socialwork.projects.Fixtures.bureau;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.AsyncApiDocument;
import org.socialwork.infra.testing.EventContract;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The events on the real topics keep the contract that the schemas and the AsyncAPI document publish. */
@QuarkusTest
@Tag("clock")
class EventContractTest {

    private static final String SOURCE = "urn:socialwork:service:projects-service";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void theAsyncApiDocumentIsValidAsyncApiAndEveryExampleKeepsItsMessage() {
        AsyncApiDocument document = EventContract.asyncApi();
        assertThat(document.addresses()).containsExactlyInAnyOrder("projects.project.v1", "projects.client.v1", "projects.need.v1", "projects.evaluation.v1", "projects.service-record.v1");
        assertThat(document.exampleFiles()).as("every message's example, validated against its payload schema")
                .containsExactlyInAnyOrder("examples/project-changed.v1.json", "examples/client-changed.v1.json", "examples/need-changed.v1.json", "examples/evaluation-changed.v1.json", "examples/service-record-recorded.v1.json");
    }

    @Test
    void everyChannelOfTheAsyncApiDocumentIsATopicOnTheBroker() {
        assertThat(EventContract.assertEveryChannelExists(Duration.ofSeconds(60)))
                .containsExactlyInAnyOrder("projects.project.v1", "projects.client.v1", "projects.need.v1", "projects.evaluation.v1", "projects.service-record.v1");
    }

    @Test
    void publishedEventsKeepTheContract() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        Map<String, Object> body = Fixtures.projectBody(w);
        String project = Fixtures.createProject(body);
        Fixtures.addMember(project, w.workers().get(0), "PROJECT_LEAD");
        Fixtures.advance(project, "IN_SERVICE");
        String client = Fixtures.createClient(w, "契约检查对象");
        UUID record = UUID.randomUUID();
        Map<String, Object> visit = Fixtures.visit(record, w, client, clock.now().minusHours(1).toString());
        visit.put("projectId", project);
        visit.put("notes", "老人说起儿子电话 13900001111");
        as(Fixtures.fieldWorker(w.workers().get(0))).body(visit).post("/api/v1/service-records").then().statusCode(201);
        String need = as(bureau(HAINING)).body(Map.of("source", "VILLAGE", "category", "ELDERLY", "description", "独居老人需要助餐",
                "regionCode", Fixtures.VILLAGE, "clientId", client, "stationId", w.station())).post("/api/v1/needs")
                .then().statusCode(201).extract().path("id");
        String template = as(bureau(HAINING)).body(Map.of("name", "契约模板", "dimensions", List.of(Map.of("name", "专业",
                "indicators", List.of(Map.of("code", "P1", "name", "个案", "weight", 100)))))).post("/api/v1/evaluation-templates")
                .then().statusCode(201).extract().path("id");
        String evaluation = as(bureau(HAINING)).body(Map.of("projectId", project, "templateId", template, "kind", "MID_TERM",
                "assessors", List.of(Map.of("kind", "BUREAU", "subject", "bureau-admin-330481", "weight", 100))))
                .post("/api/v1/evaluations").then().statusCode(201).extract().path("id");

        assertCloudEvents(awaitEvents("projects.project.v1", project, 5), SOURCE, "org.socialwork.project.changed.v1");
        assertCloudEvents(awaitEvents("projects.client.v1", client, 1), SOURCE, "org.socialwork.client.changed.v1");
        assertCloudEvents(awaitEvents("projects.service-record.v1", record.toString(), 1), SOURCE,
                "org.socialwork.service-record.recorded.v1");
        assertCloudEvents(awaitEvents("projects.need.v1", need, 1), SOURCE, "org.socialwork.need.changed.v1");
        assertCloudEvents(awaitEvents("projects.evaluation.v1", evaluation, 1), SOURCE,
                "org.socialwork.evaluation.changed.v1");
        List<Long> versions = awaitEvents("projects.project.v1", project, 5).stream().map(EventContract::version).toList();
        assertThat(versions).isSorted().doesNotHaveDuplicates();
        String recordEvent = new String(awaitEvents("projects.service-record.v1", record.toString(), 1).get(0).value(),
                StandardCharsets.UTF_8);
        assertThat(recordEvent).doesNotContain("13900001111", "notes", "latitude");

        for (String topic : List.of("projects.project.v1", "projects.client.v1", "projects.need.v1",
                "projects.evaluation.v1")) {
            assertCleanupPolicy(topic, "compact");
        }
        assertCleanupPolicy("projects.service-record.v1", "delete");
    }
}
