package org.socialwork.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * The checks every service's event-contract test makes on what it publishes, against the contract
 * files the service ships on its classpath under {@code events/}: the AsyncAPI document, one JSON
 * Schema per event ({@code events/schemas/<name>.schema.json}) and one example per event
 * ({@code events/examples/<name>.json}). Records are read from the real test broker, so the checks
 * cover what consumers really receive: the payload, the CloudEvents {@code ce_*} headers, the topic
 * configuration, and that no phone number or resident ID number leaked into a payload.
 */
public final class EventContract {

    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])(\\+?86[- ]?)?1[3-9]\\d{9}(?![\\w-])");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\w-])\\d{17}[\\dXx](?![\\w-])");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContract() {
    }

    /** Asserts that the AsyncAPI document is AsyncAPI 3.0.0 and holds every one of {@code fragments}. */
    public static void assertAsyncApiDocumentContains(CharSequence... fragments) {
        String asyncApi;
        try (InputStream in = resource("events/asyncapi.yaml")) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode document;
        try {
            // Tools read the document as YAML, not as text: an unquoted ": " in a description breaks them all.
            document = new YAMLMapper().readTree(asyncApi);
        } catch (IOException e) {
            throw new AssertionError("events/asyncapi.yaml is not valid YAML: " + e.getMessage(), e);
        }
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("channels").size()).as("channels").isPositive();
        document.path("channels").forEach(channel -> assertThat(channel.path("address").asText())
                .as("every channel's address").isNotBlank());
        assertThat(asyncApi).contains(fragments);
    }

    /** Asserts that the example of event {@code name} (e.g. {@code station-changed.v1}) is valid against its schema. */
    public static void assertExampleValid(String name) {
        JsonNode example;
        try (InputStream in = resource("events/examples/" + name + ".json")) {
            example = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(schema(name).validate(example)).as(name).isEmpty();
    }

    /**
     * Waits up to a minute until {@code topic} holds at least {@code atLeast} records keyed {@code key},
     * and returns all records with that key, oldest first.
     */
    public static List<ConsumerRecord<String, byte[]>> awaitEvents(String topic, String key, int atLeast) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> TopicReader.read(topic, r -> key.equals(r.key()), Duration.ofSeconds(1)),
                records -> records.size() >= atLeast);
    }

    /**
     * Asserts that every record is a CloudEvent of {@code type} from {@code source} whose payload is
     * valid against the schema of event {@code schemaName}: spec version 1.0, an id, the subject being
     * the record key, and the payload's {@code id} being the record key too.
     */
    public static void assertCloudEvents(List<ConsumerRecord<String, byte[]>> records, String source, String type,
            String schemaName) {
        JsonSchema schema = schema(schemaName);
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode payload = payload(record);
            assertThat(schema.validate(payload)).as(payload.toString()).isEmpty();
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(type);
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo(source);
            assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(TopicReader.header(record, "ce_id")).isNotBlank();
            assertThat(payload.get("id").asText()).isEqualTo(record.key());
        }
    }

    /** Asserts the broker's {@code cleanup.policy} of {@code topic}: {@code compact} or {@code delete}. */
    public static void assertCleanupPolicy(String topic, String expected) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String policy = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertThat(policy).as("cleanup.policy of %s", topic).isEqualTo(expected);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /**
     * Asserts that every record published on {@code topic} so far, by any test of this run, carries no
     * personal data (see {@link #assertNoPersonalData}); waits {@code quiet} for stragglers.
     */
    public static void assertNoPersonalDataOnTopic(String topic, Duration quiet, String... personalTexts) {
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(topic, quiet)) {
            assertNoPersonalData(record, personalTexts);
        }
    }

    /**
     * Asserts that the payload holds nothing shaped like a mainland mobile number or a resident ID
     * number, nor any of {@code personalTexts}: the names, notes or addresses a test put into
     * personal fields, which must stay out of the events.
     */
    public static void assertNoPersonalData(ConsumerRecord<String, byte[]> record, String... personalTexts) {
        String text = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(PHONE.matcher(text).find()).as("phone-like text in %s", text).isFalse();
        assertThat(RESIDENT_ID.matcher(text).find()).as("ID-number-like text in %s", text).isFalse();
        if (personalTexts.length > 0) {
            assertThat(text).doesNotContain(personalTexts);
        }
    }

    /** The record's JSON payload. */
    public static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + record, e);
        }
    }

    /** The aggregate version the record's payload carries. */
    public static long version(ConsumerRecord<String, byte[]> record) {
        return payload(record).get("version").asLong();
    }

    private static JsonSchema schema(String name) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = resource("events/schemas/" + name + ".schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EventContract.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing");
        }
        return in;
    }
}
