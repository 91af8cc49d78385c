package org.socialwork.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TestInfrastructure;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.testapp.NoteCopyHandler;
import org.socialwork.platform.testapp.NoteResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InboxConsumerTest {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    private KafkaProducer<String, byte[]> producer;

    @Inject
    org.socialwork.platform.outbox.TopicProvisioner topics;

    @BeforeEach
    void producer() {
        // As every producer of an entity topic does, so that this raw producer does not auto-create it.
        topics.ensure(java.util.Set.of(NoteResource.TOPIC));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    private CloudEvent snapshot(UUID eventId, UUID noteId, String text, long version) {
        String data = "{\"id\":\"" + noteId + "\",\"text\":\"" + text + "\",\"region\":\"11\",\"version\":" + version + "}";
        return new CloudEvent(eventId, "urn:test", "org.socialwork.note.changed.v1", noteId.toString(), OffsetDateTime.now(),
                CloudEvent.JSON, data.getBytes(StandardCharsets.UTF_8));
    }

    private void send(CloudEvent event) throws Exception {
        producer.send(event.toRecord(NoteResource.TOPIC)).get();
    }

    private String copyOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            java.util.List<?> rows = em.createNativeQuery("select text || '@' || version from note_copy where id = ?1")
                    .setParameter(1, id).getResultList();
            return rows.isEmpty() ? null : rows.get(0).toString();
        });
    }

    private long processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue());
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        UUID note = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        send(snapshot(first, note, "one", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "one@1".equals(copyOf(note)));
        // The same event id again, now carrying a newer version: a redelivery must change nothing.
        send(snapshot(first, note, "redelivered", 2));
        UUID marker = UUID.randomUUID();
        send(snapshot(UUID.randomUUID(), marker, "marker", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> copyOf(marker) != null);
        assertThat(copyOf(note)).isEqualTo("one@1");
        assertThat(processed(first)).isEqualTo(1);
    }

    @Test
    void anOlderSnapshotAfterANewerOneIsIgnored() throws Exception {
        UUID note = UUID.randomUUID();
        send(snapshot(UUID.randomUUID(), note, "newer", 5));
        UUID older = UUID.randomUUID();
        send(snapshot(older, note, "older", 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(older) == 1);
        assertThat(copyOf(note)).isEqualTo("newer@5");
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndConsumptionContinues() throws Exception {
        UUID poisonNote = UUID.randomUUID();
        send(snapshot(UUID.randomUUID(), poisonNote, "poison", 1));
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(NoteResource.TOPIC, "no-headers",
                "{}".getBytes(StandardCharsets.UTF_8))).get();
        UUID after = UUID.randomUUID();
        send(snapshot(UUID.randomUUID(), after, "after", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "after@1".equals(copyOf(after)));
        assertThat(copyOf(poisonNote)).isNull();

        var dead = TopicReader.read(NoteResource.TOPIC + ".dlq",
                r -> poisonNote.toString().equals(r.key()) || "no-headers".equals(r.key()), Duration.ofSeconds(1));
        assertThat(dead).hasSize(2);
        assertThat(dead).extracting(r -> TopicReader.header(r, "dlq-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("poison"))
                .anySatisfy(reason -> assertThat(reason).contains("not a CloudEvents"));
    }

    @Test
    void anEventThatMeetsATransientFailureIsRetriedNotDeadLettered() throws Exception {
        UUID note = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        send(snapshot(eventId, note, "transient", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "transient@1".equals(copyOf(note)));
        assertThat(NoteCopyHandler.attempts(eventId)).isEqualTo(3);
        assertThat(processed(eventId)).isEqualTo(1);
        assertThat(TopicReader.read(NoteResource.TOPIC + ".dlq", r -> note.toString().equals(r.key()), Duration.ofSeconds(1)))
                .isEmpty();
    }

    @Test
    void anEventThatFindsThePoolExhaustedIsRetriedNotDeadLettered() throws Exception {
        // What a frozen database link does to a consumer: every connection of the pool is taken, and
        // the handler's transaction waits out the acquisition timeout (the pool's SQLException has no SQL state).
        int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> held = new ArrayList<>();
        UUID note = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        try {
            for (int i = 0; i < size; i++) {
                held.add(dataSource.getConnection());
            }
            send(snapshot(eventId, note, "starved", 1));
            await().atMost(Duration.ofSeconds(60)).until(() -> NoteCopyHandler.attempts(eventId) >= 2);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "starved@1".equals(copyOf(note)));
        assertThat(processed(eventId)).isEqualTo(1);
        assertThat(TopicReader.read(NoteResource.TOPIC + ".dlq", r -> note.toString().equals(r.key()), Duration.ofSeconds(1)))
                .isEmpty();
    }

    @Test
    void sqlStatesAndPersistenceFailuresAreToldApart() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new java.sql.SQLException("gone", "08006")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new java.sql.SQLException("deadlock", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new java.sql.SQLException("lock", "55P03")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new java.sql.SQLException("admin shutdown", "57P01"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new jakarta.persistence.LockTimeoutException("lock"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new java.sql.SQLException("unique", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("data is not JSON"))).isFalse();
        // a commit that failed on a dropped connection: Narayana keeps no cause; one that failed on a constraint does
        assertThat(TransientFailures.isTransient(new RuntimeException(
                new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.")))).isTrue();
        var refusedAtFlush = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        refusedAtFlush.initCause(new RuntimeException(new java.sql.SQLException("duplicate key", "23505")));
        assertThat(TransientFailures.isTransient(new RuntimeException(refusedAtFlush))).isFalse();
    }
}
