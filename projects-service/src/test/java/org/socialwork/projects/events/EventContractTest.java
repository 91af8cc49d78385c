package org.socialwork.projects.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialwork.projects.Fixtures.HAINING;
import static org.socialwork.projects.Fixtures.as;
import static org.socialwork.projects.Fixtures.bureau;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TestInfrastructure;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.projects.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The events on the real topics keep the contract that the schemas and the AsyncAPI document publish. */
@QuarkusTest
class EventContractTest {

    private static final String SOURCE = "urn:socialwork:service:projects-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyExampleValidatesAgainstItsSchema() throws Exception {
        for (String name : List.of("project-changed.v1", "client-changed.v1", "need-changed.v1", "evaluation-changed.v1",
                "service-record-recorded.v1")) {
            JsonNode example = JSON.readTree(resource("events/examples/" + name + ".json"));
            assertThat(schema(name + ".schema.json").validate(example)).as(name).isEmpty();
        }
    }

    @Test
    void theAsyncApiDocumentNamesEveryChannelAndSchema() throws IOException {
        String asyncApi = new String(resource("events/asyncapi.yaml").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(asyncApi).contains("asyncapi: 3.0.0", "address: projects.project.v1", "address: projects.client.v1",
                "address: projects.need.v1", "address: projects.evaluation.v1", "address: projects.service-record.v1",
                "org.socialwork.service-record.recorded.v1", "org.socialwork.service-record.corrected.v1",
                "schemas/project-changed.v1.schema.json", "schemas/client-changed.v1.schema.json",
                "schemas/need-changed.v1.schema.json", "schemas/evaluation-changed.v1.schema.json",
                "schemas/service-record-recorded.v1.schema.json");
    }

    @Test
    void publishedEventsKeepTheContract() throws Exception {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        Map<String, Object> body = Fixtures.projectBody(w);
        String project = Fixtures.createProject(body);
        Fixtures.addMember(project, w.workers().get(0), "PROJECT_LEAD");
        Fixtures.advance(project, "IN_SERVICE");
        String client = Fixtures.createClient(w, "契约检查对象");
        UUID record = UUID.randomUUID();
        Map<String, Object> visit = Fixtures.visit(record, w, client, OffsetDateTime.now().minusHours(1).toString());
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

        check(awaitEvents("projects.project.v1", project, 5), "org.socialwork.project.changed.v1", "project-changed.v1");
        check(awaitEvents("projects.client.v1", client, 1), "org.socialwork.client.changed.v1", "client-changed.v1");
        check(awaitEvents("projects.service-record.v1", record.toString(), 1), "org.socialwork.service-record.recorded.v1",
                "service-record-recorded.v1");
        check(awaitEvents("projects.need.v1", need, 1), "org.socialwork.need.changed.v1", "need-changed.v1");
        check(awaitEvents("projects.evaluation.v1", evaluation, 1), "org.socialwork.evaluation.changed.v1",
                "evaluation-changed.v1");
        List<Long> versions = awaitEvents("projects.project.v1", project, 5).stream().map(EventContractTest::version).toList();
        assertThat(versions).isSorted().doesNotHaveDuplicates();
        String recordEvent = new String(awaitEvents("projects.service-record.v1", record.toString(), 1).get(0).value(),
                StandardCharsets.UTF_8);
        assertThat(recordEvent).doesNotContain("13900001111", "notes", "latitude");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            for (String topic : List.of("projects.project.v1", "projects.client.v1", "projects.need.v1",
                    "projects.evaluation.v1", "projects.service-record.v1")) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                String policy = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                assertThat(policy).as("cleanup.policy of %s", topic)
                        .isEqualTo(topic.equals("projects.service-record.v1") ? "delete" : "compact");
            }
        }
    }

    private static void check(List<ConsumerRecord<String, byte[]>> records, String type, String schemaName)
            throws IOException {
        JsonSchema schema = schema(schemaName + ".schema.json");
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

    private static List<ConsumerRecord<String, byte[]>> awaitEvents(String topic, String key, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> TopicReader.read(topic, r -> key.equals(r.key()), Duration.ofSeconds(1)),
                records -> records.size() >= count);
    }

    private static long version(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value()).get("version").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonSchema schema(String file) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = resource("events/schemas/" + file)) {
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
