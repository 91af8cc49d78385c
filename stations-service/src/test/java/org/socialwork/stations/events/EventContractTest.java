package org.socialwork.stations.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialwork.stations.station.StationFixtures.HAINING;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.as;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.socialwork.stations.station.StationFixtures;

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

    private static final String SOURCE = "urn:socialwork:service:stations-service";
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])(\\+?86[- ]?)?1[3-9]\\d{9}(?![\\w-])");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\w-])\\d{17}[\\dXx](?![\\w-])");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyExampleValidatesAgainstItsSchema() throws Exception {
        java.nio.file.Path examples = java.nio.file.Path.of(
                EventContractTest.class.getClassLoader().getResource("events/examples").toURI());
        List<java.nio.file.Path> files;
        try (var listing = java.nio.file.Files.list(examples)) {
            files = listing.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("station-changed.v1.json", "agency-changed.v1.json");
        for (java.nio.file.Path file : files) {
            String name = file.getFileName().toString().replace(".json", "");
            JsonNode example = JSON.readTree(file.toFile());
            assertThat(schema(name + ".schema.json").validate(example)).as(name).isEmpty();
        }
    }

    @Test
    void theAsyncApiDocumentNamesEveryChannelAndSchema() throws IOException {
        String asyncApi = new String(resource("events/asyncapi.yaml").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(asyncApi).contains("asyncapi: 3.0.0", "address: stations.station.v1", "address: stations.agency.v1",
                "address: stations.region.v1", "schemas/station-changed.v1.schema.json",
                "schemas/agency-changed.v1.schema.json", "schemas/region-changed.v1.schema.json");
    }

    @Test
    void publishedStationAndAgencyEventsKeepTheContract() throws Exception {
        StationFixtures.ensureRegions(dataSource);
        String agency = StationFixtures.createAgency(HAINING);
        Map<String, Object> body = StationFixtures.stationBody("TOWNSHIP_STATION",
                StationFixtures.freeTownship(dataSource, HAINING));
        body.put("operationMode", "PURCHASED_SERVICE");
        body.put("agencyId", agency);
        body.put("contactNote", "工作日找王女士");
        body.put("designations", List.of(Map.of("kind", "DEMONSTRATION", "level", "MUNICIPAL", "year", 2024)));
        body.put("facilities", Map.of("floorAreaM2", 120, "rooms", List.of("CASE_ROOM"), "coLocations", List.of()));
        body.put("position", Map.of("latitude", 30.51, "longitude", 120.68, "crs", "GCJ02"));
        String station = StationFixtures.createStation(body);
        String etag = StationFixtures.etag(adminToken(), "/api/v1/stations/" + station);
        as(adminToken()).header("If-Match", etag).body(Map.of("to", "ESTABLISHED", "effectiveDate", "2024-03-01"))
                .post("/api/v1/stations/" + station + "/transitions").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> stationEvents = awaitEvents("stations.station.v1", station, 2);
        List<ConsumerRecord<String, byte[]>> agencyEvents = awaitEvents("stations.agency.v1", agency, 1);

        check(stationEvents, "org.socialwork.station.changed.v1", schema("station-changed.v1.schema.json"));
        check(agencyEvents, "org.socialwork.agency.changed.v1", schema("agency-changed.v1.schema.json"));
        assertThat(stationEvents.stream().map(r -> version(r)).toList()).containsExactly(0L, 1L);

        // Entity topics keep the newest snapshot per aggregate: consumers rebuild read models from them.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            for (String topic : List.of("stations.station.v1", "stations.agency.v1")) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                String policy = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                assertThat(policy).as("cleanup.policy of %s", topic).isEqualTo("compact");
            }
        }

        // Everything published so far on both topics, by every test of this run.
        for (String topic : List.of("stations.station.v1", "stations.agency.v1")) {
            for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(topic, Duration.ofSeconds(1))) {
                String text = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(PHONE.matcher(text).find()).as("phone-like text in %s", text).isFalse();
                assertThat(RESIDENT_ID.matcher(text).find()).as("ID-number-like text in %s", text).isFalse();
                assertThat(text).doesNotContain("王女士", "王主任", "office@example.org");
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
            assertThat(TopicReader.header(record, "ce_id")).isNotBlank();
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
