package org.socialwork.stations.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialwork.stations.region.RegionFixtures.ADMIN;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.time.BusinessClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RegionEventsTest {

    private static final String TOPIC = "stations.region.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void importedRegionsArePublishedAsSchemaValidSnapshotsAndAReimportPublishesNothing() throws IOException {
        // Dongcheng, because only the import API ever writes it in this test JVM; other tests' fixtures
        // insert Jiaxing's regions directly with SQL, which publishes nothing.
        RegionFixtures.importFixture("dongcheng");
        awaitPublished("110101%");
        Set<String> fixtureCodes = codesOf(RegionFixtures.fixture("dongcheng"), "110101");
        assertThat(fixtureCodes).hasSize(1 + 17);

        List<ConsumerRecord<String, byte[]>> records = read("110101");

        assertThat(records).extracting(ConsumerRecord::key).containsAll(fixtureCodes);
        JsonSchema schema = schema();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode payload = JSON.readTree(record.value());
            assertThat(schema.validate(payload)).as("payload of %s", record.key()).isEmpty();
            assertThat(payload.get("code").asText()).isEqualTo(record.key());
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.socialwork.region.changed.v1");
            assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo("urn:socialwork:service:stations-service");
        }
        JsonNode township = records.stream().filter(r -> r.key().equals("110101001")).map(r -> readTree(r.value()))
                .findFirst().orElseThrow();
        assertThat(township.get("name").asText()).isEqualTo("东华门街道");
        assertThat(township.get("townshipKind").asText()).isEqualTo("STREET");
        assertThat(township.get("parentCode").asText()).isEqualTo("110101");

        RegionFixtures.importFixture("dongcheng");
        awaitPublished("110101%");
        assertThat(read("110101")).hasSize(records.size());
    }

    @Test
    void aRetirementPublishesASchemaValidSnapshotWithTheNewVersion() throws IOException {
        RegionFixtures.importFixture("dongcheng");
        // in the future, so that the other tests' lists of today and of the past still hold this street
        String validTo = clock.today().plusYears(3).toString();
        String etag = given().auth().oauth2(ADMIN).when().get("/api/v1/regions/110101011")
                .then().statusCode(200).extract().header("ETag");
        long version = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("effectiveDate", validTo, "mergedInto", "110101010", "reason", "远期调整"))
                .when().post("/api/v1/regions/110101011/retirement")
                .then().statusCode(200).extract().jsonPath().getLong("version");
        awaitPublished("110101011");

        List<ConsumerRecord<String, byte[]>> records = read("110101011");
        JsonNode last = JSON.readTree(records.get(records.size() - 1).value());

        assertThat(schema().validate(last)).isEmpty();
        assertThat(last.get("version").asLong()).isEqualTo(version);
        assertThat(last.get("validTo").asText()).isEqualTo(validTo);
        assertThat(last.get("mergedInto").asText()).isEqualTo("110101010");
        assertThat(last.has("retireReason")).isFalse();
    }

    @Test
    void theCommittedExampleMatchesTheSchema() throws IOException {
        try (InputStream example = getClass().getResourceAsStream("/events/examples/region-changed.v1.json")) {
            assertThat(schema().validate(JSON.readTree(example))).isEmpty();
        }
        assertThat(schema().validate(JSON.readTree("{\"code\":\"33\",\"name\":\"浙江省\",\"level\":\"PROVINCE\","
                + "\"parentCode\":null,\"townshipKind\":null,\"validFrom\":null,\"validTo\":null,\"mergedInto\":null,"
                + "\"version\":1,\"retireReason\":\"x\"}"))).isNotEmpty();
    }

    private void awaitPublished(String keyPattern) {
        await().atMost(Duration.ofSeconds(60)).until(() -> RegionFixtures.queryLong(dataSource,
                "select count(*) from outbox_event where topic = ? and sent_at is null and event_key like ?", TOPIC,
                keyPattern) == 0);
    }

    private static List<ConsumerRecord<String, byte[]>> read(String keyPrefix) {
        return TopicReader.read(TOPIC, r -> r.key() != null && r.key().startsWith(keyPrefix), Duration.ofSeconds(2));
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = RegionEventsTest.class.getResourceAsStream("/events/schemas/region-changed.v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static JsonNode readTree(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> codesOf(Path directory, String prefix) throws IOException {
        Set<String> codes = new HashSet<>();
        for (Path file : RegionFixtures.filesIn(directory).values()) {
            Files.readAllLines(file).stream().skip(1).map(line -> line.substring(0, line.indexOf(',')))
                    .filter(code -> code.startsWith(prefix)).forEach(codes::add);
        }
        return codes;
    }
}
