package org.socialwork.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TestInfrastructure;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.reporting.readmodel.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;

/** The events on the real topics keep the contract that the schemas and the AsyncAPI document publish. */
@QuarkusTest
class EventContractTest {

    private static final String SOURCE = "urn:socialwork:service:reporting-service";
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])(\\+?86[- ]?)?1[3-9]\\d{9}(?![\\w-])");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\w-])\\d{17}[\\dXx](?![\\w-])");

    @Inject
    DataSource dataSource;

    @Test
    void everyExampleValidatesAgainstItsSchema() throws Exception {
        for (String name : List.of("period-locked.v1", "warning-raised.v1")) {
            JsonNode example = Fixtures.JSON.readTree(
                    Files.readString(Path.of("src/main/resources/events/examples/" + name + ".json")));
            assertThat(schema(name + ".schema.json").validate(example)).as(name).isEmpty();
        }
    }

    @Test
    void theAsyncApiDocumentNamesEveryChannelAndSchema() throws IOException {
        String asyncApi = new String(resource("events/asyncapi.yaml").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(asyncApi).contains("asyncapi: 3.0.0", "address: reporting.period.v1", "address: reporting.warning.v1",
                "schemas/period-locked.v1.schema.json", "schemas/warning-raised.v1.schema.json");
    }

    @Test
    void publishedPeriodEventsKeepTheContract() throws Exception {
        try (Fixtures events = new Fixtures()) {
            Fixtures.awaitConsumed(dataSource, List.of(events.region("77", "契约省", "PROVINCE", 1),
                    events.region("7701", "契约市", "CITY", 1), events.region("770101", "契约县", "COUNTY", 1)));
        }
        String id = Fixtures.as("bureau-admin", "770101").contentType("application/json")
                .body(Map.of("regionCode", "770101", "periodType", "QUARTER", "period", "2024-Q3", "narrative",
                        "联系人王女士 13812345678"))
                .post("/api/v1/reports").then().statusCode(201).extract().path("id");
        String path = "/api/v1/reports/" + id;
        Fixtures.as("bureau-admin", "770101").header("If-Match", "\"1\"").post(path + "/submit").then().statusCode(200);
        Fixtures.as("bureau-admin", "7701").contentType("application/json").header("If-Match", "\"2\"")
                .body(Map.of("decision", "APPROVE")).post(path + "/review").then().statusCode(200);
        Fixtures.as("bureau-admin", "77").contentType("application/json").header("If-Match", "\"3\"")
                .body(Map.of("decision", "APPROVE")).post(path + "/review").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> mine = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TopicReader.read("reporting.period.v1", r -> "770101:QUARTER:2024-07-01".equals(r.key()),
                        Duration.ofSeconds(1)), r -> !r.isEmpty());
        assertThat(mine).hasSize(1);
        JsonSchema schema = schema("period-locked.v1.schema.json");
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll("reporting.period.v1", Duration.ofSeconds(1))) {
            JsonNode payload = Fixtures.JSON.readTree(record.value());
            Set<ValidationMessage> errors = schema.validate(payload);
            assertThat(errors).as(payload.toString()).isEmpty();
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.socialwork.period.locked.v1");
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo(SOURCE);
            assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(payload.get("id").asText()).isEqualTo(record.key());
            String text = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(PHONE.matcher(text).find()).as("phone-like text in %s", text).isFalse();
            assertThat(RESIDENT_ID.matcher(text).find()).as("ID-number-like text in %s", text).isFalse();
            assertThat(text).doesNotContain("王女士");
        }
        assertCompacted("reporting.period.v1");
    }

    @Test
    void publishedWarningEventsKeepTheContract() throws Exception {
        // County 770102 files no report: as of today its last monthly report is late.
        try (Fixtures events = new Fixtures()) {
            Fixtures.awaitConsumed(dataSource, List.of(events.region("77", "契约省", "PROVINCE", 1),
                    events.region("7701", "契约市", "CITY", 1), events.region("770102", "迟报县", "COUNTY", 1)));
        }
        Fixtures.admin().post("/api/v1/admin/warnings/evaluate").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> TopicReader.read("reporting.warning.v1", r -> String.valueOf(Fixtures.map(
                        new String(r.value(), StandardCharsets.UTF_8)).get("subjectId")).startsWith("770102:MONTH:"),
                        Duration.ofSeconds(1)), r -> !r.isEmpty());
        JsonSchema schema = schema("warning-raised.v1.schema.json");
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll("reporting.warning.v1", Duration.ofSeconds(1))) {
            JsonNode payload = Fixtures.JSON.readTree(record.value());
            assertThat(schema.validate(payload)).as(payload.toString()).isEmpty();
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.socialwork.warning.raised.v1");
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo(SOURCE);
            assertThat(payload.get("id").asText()).isEqualTo(record.key()).isEqualTo(TopicReader.header(record, "ce_subject"));
            String text = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(PHONE.matcher(text).find()).as("phone-like text in %s", text).isFalse();
            assertThat(RESIDENT_ID.matcher(text).find()).as("ID-number-like text in %s", text).isFalse();
        }
        assertCompacted("reporting.warning.v1");
    }

    private static void assertCompacted(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String policy = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertThat(policy).as("cleanup.policy of %s", topic).isEqualTo("compact");
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
