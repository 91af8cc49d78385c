package org.socialwork.personnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.infra.testing.EventContract.assertCleanupPolicy;
import static org.socialwork.infra.testing.EventContract.assertCloudEvents;
import static org.socialwork.infra.testing.EventContract.assertNoPersonalDataOnTopic;
import static org.socialwork.infra.testing.EventContract.awaitEvents;
import static org.socialwork.infra.testing.EventContract.payload;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.adminToken;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.assign;
import static org.socialwork.personnel.PersonnelFixtures.bureauToken;
import static org.socialwork.personnel.PersonnelFixtures.etag;
import static org.socialwork.personnel.PersonnelFixtures.station;
import static org.socialwork.personnel.PersonnelFixtures.township;
import static org.socialwork.personnel.PersonnelFixtures.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.AsyncApiDocument;
import org.socialwork.infra.testing.EventContract;
import org.socialwork.infra.testing.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The events on the real topics keep the contract the schemas, examples and AsyncAPI document publish. */
@QuarkusTest
class EventContractTest {

    private static final String SOURCE = "urn:socialwork:service:personnel-service";
    private static final Map<String, String> TOPICS = Map.of(
            "personnel.worker.v1", "worker",
            "personnel.assignment.v1", "assignment",
            "personnel.training.v1", "training",
            "personnel.dispatch.v1", "dispatch",
            "personnel.volunteer.v1", "volunteer");

    @Inject
    AgroalDataSource db;

    @Test
    void theAsyncApiDocumentIsValidAsyncApiAndEveryExampleKeepsItsMessage() {
        AsyncApiDocument document = EventContract.asyncApi();
        assertThat(document.addresses()).containsExactlyInAnyOrder("personnel.worker.v1", "personnel.assignment.v1", "personnel.training.v1", "personnel.dispatch.v1", "personnel.volunteer.v1");
        assertThat(document.exampleFiles()).as("every message's example, validated against its payload schema")
                .containsExactlyInAnyOrderElementsOf(TOPICS.values().stream().map(n -> "examples/" + n + "-changed.v1.json").toList());
    }

    @Test
    void everyChannelOfTheAsyncApiDocumentIsATopicOnTheBroker() {
        assertThat(EventContract.assertEveryChannelExists(Duration.ofSeconds(60)))
                .containsExactlyInAnyOrder("personnel.worker.v1", "personnel.assignment.v1", "personnel.training.v1", "personnel.dispatch.v1", "personnel.volunteer.v1");
    }

    @Test
    void publishedEventsKeepTheContractAndCarryNoPersonalData() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID station = station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency);
        UUID worker = worker(agency, "STATION_FULL_TIME");
        UUID assignment = assign(worker, station, "2024-05-01");
        String bureau = bureauToken("bureau-admin", HAINING);
        String filing = as(bureau).get("/api/v1/filings?worker=" + worker).then().extract().path("items[0].id");
        as(bureau).header("If-Match", etag(bureau, "/api/v1/filings/" + filing)).body(Map.of("filedOn", "2024-05-06"))
                .post("/api/v1/filings/" + filing + "/file").then().statusCode(200);
        String training = as(bureau).body(Map.of("title", "岗前培训", "type", "PRE_JOB", "provider", "浙江省社会工作协会",
                "organizerRegionCode", HAINING, "hours", 16.0, "startsOn", "2024-03-04", "endsOn", "2024-03-05"))
                .post("/api/v1/trainings").then().statusCode(201).extract().path("id");
        as(bureau).header("If-Match", etag(bureau, "/api/v1/trainings/" + training)).body(Map.of("hours", 16, "completed", true))
                .put("/api/v1/trainings/" + training + "/attendance/" + worker).then().statusCode(200);
        String programme = as(adminToken()).body(Map.of("name", "三区计划", "year", 2024, "sendingRegionCode", "3301",
                "sendingUnit", "杭州市春晖社会工作发展中心", "receivingCountyCode", HAINING, "localTrainees", 5))
                .post("/api/v1/dispatch-programmes").then().statusCode(201).extract().path("id");
        as(adminToken()).header("If-Match", etag(adminToken(), "/api/v1/dispatch-programmes/" + programme))
                .body(Map.of("from", "2024-04-01", "to", "2024-12-31"))
                .put("/api/v1/dispatch-programmes/" + programme + "/dispatches/" + worker).then().statusCode(200);
        String volunteer = as(adminToken()).body(Map.of("stationId", station.toString(), "recruitedByWorkerId", worker.toString(),
                "name", "王志愿", "registeredOn", "2024-02-01", "serviceHours", 42.5, "regular", true))
                .post("/api/v1/volunteers").then().statusCode(201).extract().path("id");

        Map<String, String> keys = Map.of("personnel.worker.v1", worker.toString(), "personnel.assignment.v1",
                assignment.toString(), "personnel.training.v1", training, "personnel.dispatch.v1", programme,
                "personnel.volunteer.v1", volunteer);
        for (var topic : TOPICS.entrySet()) {
            List<ConsumerRecord<String, byte[]>> records = awaitEvents(topic.getKey(), keys.get(topic.getKey()), 1);
            assertCloudEvents(records, SOURCE, "org.socialwork." + topic.getValue() + ".changed.v1");
            List<Long> versions = records.stream().map(EventContract::version).toList();
            assertThat(versions).as(topic.getKey()).isSorted();
        }
        JsonNode assignmentEvent = payload(TopicReader.read("personnel.assignment.v1",
                r -> assignment.toString().equals(r.key()), Duration.ofSeconds(1)).stream()
                .reduce((a, b) -> b).orElseThrow());
        assertThat(assignmentEvent.get("filing").get("daysAfterChange").asInt()).isEqualTo(5);
        assertThat(assignmentEvent.get("filing").get("late").asBoolean()).isFalse();

        for (String topic : TOPICS.keySet()) {
            assertCleanupPolicy(topic, "compact");
        }
        // Everything published on every personnel topic by every test of this run.
        for (String topic : TOPICS.keySet()) {
            assertNoPersonalDataOnTopic(topic, Duration.ofSeconds(2), "王志愿", "张测试", "\"name\":\"批量");
        }
    }
}
