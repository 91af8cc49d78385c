package org.socialwork.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The checks every service's event-contract test makes on what it publishes, against the contract
 * the service ships on its classpath under {@code events/}: the AsyncAPI document
 * ({@code events/asyncapi.yaml}), the JSON Schemas it references ({@code events/schemas/}) and the
 * examples its messages reference ({@code events/examples/}). The document is checked as a whole
 * by {@link AsyncApiDocument} (YAML, the AsyncAPI specification's schema, every {@code $ref},
 * every example); published records are read from the real test broker and validated against the
 * schemas reached through the document: topic → channel → message (by {@code ce_type}) →
 * payload and headers. The checks also cover that every channel's topic exists, the topic
 * configuration, and that no phone number or resident ID number leaked into a payload.
 */
public final class EventContract {

    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])(\\+?86[- ]?)?1[3-9]\\d{9}(?![\\w-])");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\w-])\\d{17}[\\dXx](?![\\w-])");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile AsyncApiDocument document;

    private EventContract() {
    }

    /**
     * The service's own AsyncAPI document, {@code events/asyncapi.yaml} on the class path, once it
     * holds: fails with every problem, each naming its file and place, otherwise (see
     * {@link AsyncApiDocument}). Read once per test run.
     */
    public static AsyncApiDocument asyncApi() {
        AsyncApiDocument current = document;
        if (current == null) {
            synchronized (EventContract.class) {
                if (document == null) {
                    document = AsyncApiDocument.onClasspath(EventContract.class.getClassLoader(), "events");
                }
                current = document;
            }
        }
        return current.requireValid();
    }

    /**
     * Asserts that every channel's address of the service's AsyncAPI document exists as a topic on
     * the test broker within {@code within}, by asking the broker, which creates no topic when asked:
     * the service creates them at start (compacted and fact topics of the outbox configuration).
     *
     * @return the channels' addresses, all of them topics on the broker
     */
    public static List<String> assertEveryChannelExists(Duration within) {
        List<String> channels = asyncApi().addresses();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            await().atMost(within).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> assertThat(
                    admin.listTopics().names().get(5, TimeUnit.SECONDS))
                    .as("the broker's topics, which must hold every channel's address of %s", asyncApi().describe())
                    .containsAll(channels));
        }
        return channels;
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
     * Asserts that every record is a CloudEvent of {@code type} from {@code source} that keeps the
     * service's AsyncAPI document: the record's topic is the address of a channel, {@code ce_type}
     * is the name of one of that channel's messages, the headers are valid against that message's
     * headers schema and the payload against its payload schema, both as the document references
     * them. Also: spec version 1.0, an id, the subject being the record key, and the payload's
     * {@code id} being the record key too.
     *
     * @return the message of the document the records were validated against
     */
    public static AsyncApiDocument.Message assertCloudEvents(List<ConsumerRecord<String, byte[]>> records, String source,
            String type) {
        assertThat(records).as("records of type %s", type).isNotEmpty();
        AsyncApiDocument.Message message = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            message = assertKeepsDocument(record);
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(type);
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo(source);
            assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(TopicReader.header(record, "ce_id")).isNotBlank();
            assertThat(payload(record).get("id").asText()).isEqualTo(record.key());
        }
        return message;
    }

    /**
     * Asserts that {@code record} keeps the service's AsyncAPI document: its topic is a channel's
     * address, its {@code ce_type} the name of one of that channel's messages, and its headers and
     * payload are valid against the schemas that message references.
     *
     * @return the message the record was validated against
     */
    public static AsyncApiDocument.Message assertKeepsDocument(ConsumerRecord<String, byte[]> record) {
        AsyncApiDocument asyncApi = asyncApi();
        AsyncApiDocument.Channel channel = asyncApi.channelAt(record.topic()).orElseThrow(() -> new AssertionError(
                "topic " + record.topic() + " is the address of no channel of " + asyncApi.describe() + " " + asyncApi.addresses()));
        String type = TopicReader.header(record, "ce_type");
        AsyncApiDocument.Message message = channel.messageOfType(type).orElseThrow(() -> new AssertionError(
                "a record on " + record.topic() + " has ce_type " + type + ", the name of none of channel '" + channel.key()
                        + "''s messages " + channel.messages().values().stream().map(AsyncApiDocument.Message::name).toList()
                        + " in " + asyncApi.describe()));
        JsonNode payload = payload(record);
        assertThat(message.headersProblems(headers(record)))
                .as("headers of a %s record (key %s) against the headers schema of message '%s' in %s", type, record.key(),
                        message.key(), asyncApi.describe())
                .isEmpty();
        assertThat(message.payloadProblems(payload))
                .as("payload %s against %s, the payload schema of message '%s' of channel '%s' in %s", payload,
                        message.payloadLocation(), message.key(), channel.key(), asyncApi.describe())
                .isEmpty();
        return message;
    }

    /** The record's headers as a JSON object of strings (the last value of a repeated header). */
    public static ObjectNode headers(ConsumerRecord<String, byte[]> record) {
        ObjectNode headers = JSON.createObjectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
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
}
