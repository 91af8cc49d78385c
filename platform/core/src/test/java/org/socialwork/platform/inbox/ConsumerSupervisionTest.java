package org.socialwork.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TestInfrastructure;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.outbox.TopicProvisioner;
import org.socialwork.platform.testapp.NoteCopyHandler;
import org.socialwork.platform.testapp.NoteResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The consumer loop survives its own failures, reports them in readiness and lag, and commits only what was applied. */
@QuarkusTest
class ConsumerSupervisionTest {

    private static final String GROUP = "platform-test.note-copy";
    private static final String DLQ = NoteResource.TOPIC + EventConsumers.DLQ_SUFFIX;

    @Inject
    EntityManager em;

    @Inject
    TopicProvisioner topics;

    private KafkaProducer<String, byte[]> producer;
    private Admin admin;

    @BeforeEach
    void clients() {
        topics.ensure(Set.of(NoteResource.TOPIC));
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    @AfterEach
    void close() {
        NoteCopyHandler.releaseBrake();
        NoteCopyHandler.holdTransientFailures(false);
        producer.close();
        admin.close();
    }

    @Test
    void aConsumerWhoseDeadLetterTopicRefusesWritesIsRestartedAndLosesNothing() throws Exception {
        double restartsBefore = restarts();
        UUID note = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        // One note, so the three events share a partition and keep their order.
        refuseDeadLetters(true);
        RecordMetadata poisoned;
        try {
            send(snapshot(before, note, "before", 1));
            poisoned = send(snapshot(poison, note, "poison", 2));
            send(snapshot(after, note, "after", 3));

            await().atMost(Duration.ofSeconds(30)).until(() -> NoteCopyHandler.attempts(poison) >= 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonPath health = ready(503);
                return "DOWN".equals(consumerCheck(health).get("status"))
                        && dataOf(health).startsWith(EventConsumers.State.RESTARTING.name());
            });
            assertThat(restarts())
                    .isGreaterThanOrEqualTo(restartsBefore + 2);
            // The event whose dead-lettering failed is not committed, nor anything behind it.
            assertThat(committed(poisoned)).isLessThanOrEqualTo(poisoned.offset());
            assertThat(copyOf(note)).isEqualTo("before@1");
        } finally {
            refuseDeadLetters(false);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "after@3".equals(copyOf(note)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(consumerCheck(ready(200)).get("status")));
        assertThat(NoteCopyHandler.applications(before)).isEqualTo(1);
        assertThat(NoteCopyHandler.applications(after)).isEqualTo(1);
        assertThat(processed(before)).isEqualTo(1);
        assertThat(processed(after)).isEqualTo(1);
        assertThat(TopicReader.read(DLQ, r -> poison.toString().equals(TopicReader.header(r, "ce_id")), Duration.ofSeconds(1)))
                .hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> committed(poisoned) > poisoned.offset() + 1);
    }

    @Test
    void theLagGaugeShowsTheBacklogOfASlowHandlerAndReadinessFollowsTheBound() throws Exception {
        NoteCopyHandler.brake();
        List<UUID> notes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID note = UUID.randomUUID();
            notes.add(note);
            send(snapshot(UUID.randomUUID(), note, "braked-" + i, 1));
        }
        // One event at a time passes, so the consumer fetches and measures the rest while it is behind.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            NoteCopyHandler.letOneThrough();
            return lag() >= 30;
        });
        JsonPath health = ready(503);
        assertThat(consumerCheck(health)).containsEntry("status", "DOWN");
        assertThat(dataOf(health)).startsWith("RUNNING, lag ");

        NoteCopyHandler.releaseBrake();
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(consumerCheck(ready(200)).get("status")));
        for (int i = 0; i < notes.size(); i++) {
            assertThat(copyOf(notes.get(i))).isEqualTo("braked-" + i + "@1");
        }
    }

    @Test
    void theOffsetOfAnEventStaysUncommittedUntilItsTransactionCommits() throws Exception {
        UUID note = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        NoteCopyHandler.holdTransientFailures(true);
        RecordMetadata heldAt;
        try {
            send(snapshot(UUID.randomUUID(), note, "first", 1));
            heldAt = send(snapshot(held, note, "held-transient", 2));
            send(snapshot(last, note, "last", 3));
            await().atMost(Duration.ofSeconds(30)).until(() -> NoteCopyHandler.attempts(held) >= 3);
            await().pollDelay(Duration.ZERO).during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> committed(heldAt) <= heldAt.offset());
            assertThat(copyOf(note)).isEqualTo("first@1");
            assertThat(processed(held)).isZero();
            // The held event and the one behind it are still to apply, and the lag says so while the event is retried.
            await().atMost(Duration.ofSeconds(10)).until(() -> lag() >= 2);
        } finally {
            NoteCopyHandler.holdTransientFailures(false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "last@3".equals(copyOf(note)));
        assertThat(processed(held)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> committed(heldAt) >= heldAt.offset() + 2);
    }

    @Test
    void aRebalanceWhileEventsAreAppliedLosesNothingAndIsNotAFailure() throws Exception {
        double restartsBefore = restarts();
        NoteCopyHandler.brake();
        Map<UUID, UUID> events = new java.util.LinkedHashMap<>();
        sendMore(events, "braked-", 20);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.keySet().stream().anyMatch(e -> NoteCopyHandler.attempts(e) > 0));
        // A second member joins the group while the consumer is inside a poll: partitions move under it.
        try (Member member = new Member()) {
            NoteCopyHandler.releaseBrake();
            await().atMost(Duration.ofSeconds(60)).until(() -> member.partitions.get() > 0);
            // Events for the partitions the other member holds and never commits: they must come back here.
            sendMore(events, "rebalanced-", 10);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> events.keySet().stream().allMatch(e -> NoteCopyHandler.applications(e) == 1));
        for (var event : events.entrySet()) {
            assertThat(NoteCopyHandler.applications(event.getKey())).isEqualTo(1);
            assertThat(processed(event.getKey())).isEqualTo(1);
            assertThat(copyOf(event.getValue())).isNotNull();
        }
        assertThat(restarts()).isEqualTo(restartsBefore);
    }

    @Test
    void aConsumerDroppedFromItsGroupForASlowPollRejoinsWithoutARestartAndLosesNothing() throws Exception {
        double restartsBefore = restarts();
        NoteCopyHandler.brake();
        Map<UUID, UUID> events = new java.util.LinkedHashMap<>();
        sendMore(events, "braked-dropped-", 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.keySet().stream().anyMatch(e -> NoteCopyHandler.attempts(e) > 0));
        try (Member member = new Member()) {
            // Held past max-poll-interval (10 s in the tests), the consumer is dropped and the other member takes all.
            await().atMost(Duration.ofSeconds(60)).until(() -> member.partitions.get() == 3);
            sendMore(events, "dropped-", 5);
            NoteCopyHandler.releaseBrake();
            // Its commit is refused; it rejoins and gets partitions back, without a restart.
            await().atMost(Duration.ofSeconds(60)).until(() -> member.partitions.get() < 3);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> events.keySet().stream().allMatch(e -> NoteCopyHandler.applications(e) == 1));
        for (var event : events.entrySet()) {
            assertThat(NoteCopyHandler.applications(event.getKey())).isEqualTo(1);
            assertThat(processed(event.getKey())).isEqualTo(1);
            assertThat(copyOf(event.getValue())).isNotNull();
        }
        assertThat(restarts()).isEqualTo(restartsBefore);
    }

    private void sendMore(Map<UUID, UUID> events, String text, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            UUID note = UUID.randomUUID();
            UUID event = UUID.randomUUID();
            events.put(event, note);
            send(snapshot(event, note, text + i, 1));
        }
    }

    /** Another member of the consumer's group that takes partitions and never applies nor commits anything. */
    private static final class Member implements AutoCloseable {

        final AtomicInteger partitions = new AtomicInteger();
        private final AtomicBoolean leave = new AtomicBoolean();
        private final Thread thread = new Thread(this::run, "other-group-member");

        Member() {
            thread.start();
        }

        private void run() {
            try (KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, GROUP, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
                member.subscribe(List.of(NoteResource.TOPIC));
                while (!leave.get()) {
                    member.poll(Duration.ofMillis(100));
                    partitions.set(member.assignment().size());
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            leave.set(true);
            thread.join(30_000);
        }
    }

    private static double restarts() {
        return metric("socialwork_consumer_restarts_total\\{group=\"" + GROUP + "\"[^}]*\\}");
    }

    private void refuseDeadLetters(boolean refuse) throws Exception {
        if (!admin.listTopics().names().get().contains(DLQ)) {
            admin.createTopics(List.of(new NewTopic(DLQ, 1, (short) 1))).all().get();
        }
        // A topic that takes no record of even one byte: every dead-letter send fails at once, as with a broken DLQ.
        ConfigEntry limit = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1");
        AlterConfigOp op = new AlterConfigOp(limit, refuse ? AlterConfigOp.OpType.SET : AlterConfigOp.OpType.DELETE);
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, DLQ), List.of(op))).all().get();
    }

    /** The committed offset of the group on the record's partition; -1 before the first commit. */
    private long committed(RecordMetadata record) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get()
                .get(new TopicPartition(record.topic(), record.partition()));
        return offset == null ? -1 : offset.offset();
    }

    private double lag() {
        return metric("socialwork_consumer_lag\\{group=\"" + GROUP + "\",topic=\"" + NoteResource.TOPIC + "\"[^}]*\\}");
    }

    private static double metric(String series) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + series + " ([0-9.Ee+-]+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }

    /** The readiness document when the endpoint answered {@code status}; an empty one otherwise. */
    private static JsonPath ready(int status) {
        var response = given().when().get("/q/health/ready");
        return response.statusCode() == status ? response.jsonPath() : JsonPath.from("{\"checks\":[]}");
    }

    private static Map<String, Object> consumerCheck(JsonPath health) {
        Map<String, Object> check = health.getMap("checks.find { it.name == '" + EventConsumersHealth.NAME + "' }");
        return check == null ? Map.of() : check;
    }

    @SuppressWarnings("unchecked")
    private static String dataOf(JsonPath health) {
        Object data = consumerCheck(health).get("data");
        return data == null ? "" : String.valueOf(((Map<String, Object>) data).get(GROUP));
    }

    private CloudEvent snapshot(UUID eventId, UUID noteId, String text, long version) {
        String data = "{\"id\":\"" + noteId + "\",\"text\":\"" + text + "\",\"region\":\"11\",\"version\":" + version + "}";
        return new CloudEvent(eventId, "urn:test", "org.socialwork.note.changed.v1", noteId.toString(), OffsetDateTime.now(),
                CloudEvent.JSON, data.getBytes(StandardCharsets.UTF_8));
    }

    private RecordMetadata send(CloudEvent event) throws Exception {
        return producer.send(event.toRecord(NoteResource.TOPIC)).get();
    }

    private String copyOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select text || '@' || version from note_copy where id = ?1")
                    .setParameter(1, id).getResultList();
            return rows.isEmpty() ? null : rows.get(0).toString();
        });
    }

    private long processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue());
    }
}
