package org.socialwork.personnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TestInfrastructure;
import org.socialwork.infra.testing.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The events on the real topics keep the contract the schemas, examples and AsyncAPI document publish. */
@QuarkusTest
class EventContractTest {

    private static final String SOURCE = "urn:socialwork:service:personnel-service";
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])(\\+?86[- ]?)?1[3-9]\\d{9}(?![\\w-])");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\w-])\\d{17}[\\dXx](?![\\w-])");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOPICS = Map.of(
            "personnel.worker.v1", "worker",
            "personnel.assignment.v1", "assignment",
            "personnel.training.v1", "training",
            "personnel.dispatch.v1", "dispatch",
            "personnel.volunteer.v1", "volunteer");

    @Inject
    AgroalDataSource db;

    @Test
    void everyExampleValidatesAgainstItsSchema() throws Exception {
        for (String name : TOPICS.values()) {
            JsonNode example = JSON.readTree(Files.readString(
                    Path.of("src/main/resources/events/examples/" + name + "-changed.v1.json")));
            assertThat(schema(name).validate(example)).as(name).isEmpty();
        }
    }

    @Test
    void theAsyncApiDocumentNamesEveryChannelAndSchema() throws IOException {
        String asyncApi;
        try (InputStream in = resource("events/asyncapi.yaml")) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(asyncApi).contains("asyncapi: 3.0.0");
        for (var topic : TOPICS.entrySet()) {
            assertThat(asyncApi).contains("address: " + topic.getKey(),
                    "schemas/" + topic.getValue() + "-changed.v1.schema.json",
                    "org.socialwork." + topic.getValue() + ".changed.v1");
        }
    }

    @Test
    void publishedEventsKeepTheContractAndCarryNoPersonalData() throws Exception {
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
            String key = keys.get(topic.getKey());
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> TopicReader.read(topic.getKey(), r -> key.equals(r.key()), Duration.ofSeconds(1)),
                            r -> !r.isEmpty());
            check(records, "org.socialwork." + topic.getValue() + ".changed.v1", schema(topic.getValue()));
            List<Long> versions = records.stream().map(EventContractTest::version).toList();
            assertThat(versions).as(topic.getKey()).isSorted();
        }
        JsonNode assignmentEvent = JSON.readTree(TopicReader.read("personnel.assignment.v1",
                r -> assignment.toString().equals(r.key()), Duration.ofSeconds(1)).stream()
                .reduce((a, b) -> b).orElseThrow().value());
        assertThat(assignmentEvent.get("filing").get("daysAfterChange").asInt()).isEqualTo(5);
        assertThat(assignmentEvent.get("filing").get("late").asBoolean()).isFalse();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            for (String topic : TOPICS.keySet()) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                String policy = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                assertThat(policy).as("cleanup.policy of %s", topic).isEqualTo("compact");
            }
        }
        // Everything published on every personnel topic by every test of this run.
        for (String topic : TOPICS.keySet()) {
            for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(topic, Duration.ofSeconds(2))) {
                String text = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(PHONE.matcher(text).find()).as("phone-like text in %s", text).isFalse();
                assertThat(RESIDENT_ID.matcher(text).find()).as("ID-number-like text in %s", text).isFalse();
                assertThat(text).doesNotContain("王志愿", "张测试", "\"name\":\"批量");
            }
        }
    }

    private static void check(List<ConsumerRecord<String, byte[]>> records, String type, JsonSchema schema)
            throws IOException {
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode payload = JSON.readTree(record.value());
            Set<ValidationMessage> errors = schema.validate(payload);
            assertThat(errors).as(payload.toString()).isEmpty();
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(type);
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo(SOURCE);
            assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(payload.get("id").asText()).isEqualTo(record.key());
        }
    }

    private static long version(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value()).get("version").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonSchema schema(String name) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = resource("events/schemas/" + name + "-changed.v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing");
        }
        return in;
    }
}
