package org.socialwork.platform.inbox;

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
import org.socialwork.platform.outbox.TopicProvisioner;
import org.socialwork.platform.testapp.NoteTallyHandler;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A handler that applies in batches: consecutive events of a partition share one transaction, on the real broker. */
@QuarkusTest
class BatchedConsumptionTest {

    private static final String DLQ = NoteTallyHandler.TOPIC + EventConsumers.DLQ_SUFFIX;

    @Inject
    EntityManager em;

    @Inject
    TopicProvisioner topics;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        topics.ensure(Set.of(NoteTallyHandler.TOPIC));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 50), new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    /** Sends the texts as events of one key (one partition, in order) at once, and returns their ids. */
    private List<UUID> send(List<String> texts) throws Exception {
        String key = UUID.randomUUID().toString();
        List<UUID> ids = new ArrayList<>();
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (String text : texts) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            CloudEvent event = new CloudEvent(id, "urn:test", "org.socialwork.note.tallied.v1", key,
                    OffsetDateTime.parse("2026-03-02T08:00:00+08:00"), CloudEvent.JSON, text.getBytes(StandardCharsets.UTF_8));
            sent.add(producer.send(event.toRecord(NoteTallyHandler.TOPIC)));
        }
        for (var future : sent) {
            future.get();
        }
        return ids;
    }

    private long tallied(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from note_tally where event_id = any(cast(?1 as uuid[]))")
                .setParameter(1, ids.stream().map(UUID::toString).toList().toString().replace('[', '{').replace(']', '}')
                        .replace(" ", ""))
                .getSingleResult()).longValue());
    }

    private long processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue());
    }

    private static List<String> texts(int count, int special, String specialText) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(i == special ? specialText : "tally " + i);
        }
        return texts;
    }

    @Test
    void eventsOfAPartitionShareATransactionAndEachIsWrittenOnce() throws Exception {
        int before = NoteTallyHandler.transactionSizes().size();
        List<UUID> ids = send(texts(300, -1, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> tallied(ids) == 300);
        List<Integer> sizes = NoteTallyHandler.transactionSizes().subList(before, NoteTallyHandler.transactionSizes().size());
        // 300 events sent in one burst are fetched by a few polls, each applied in one transaction.
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(sizes).hasSizeLessThan(300);
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(1);
        // a replay of the same events (a redelivery after a crash) changes nothing
        for (UUID id : ids.subList(0, 5)) {
            assertThat(processed(id)).isEqualTo(1);
        }
    }

    @Test
    void aBadEventInABatchIsDeadLetteredAloneAndTheOthersAreAppliedOnce() throws Exception {
        List<UUID> ids = send(texts(60, 30, "poison"));
        UUID poison = ids.get(30);
        List<UUID> good = new ArrayList<>(ids);
        good.remove(poison);
        await().atMost(Duration.ofSeconds(30)).until(() -> tallied(good) == 59);
        assertThat(tallied(List.of(poison))).isZero();
        assertThat(processed(poison)).isZero();
        var dead = TopicReader.read(DLQ, r -> ids.stream().anyMatch(id -> id.toString().equals(TopicReader.header(r, "ce_id"))),
                Duration.ofSeconds(1));
        assertThat(dead).hasSize(1);
        assertThat(TopicReader.header(dead.get(0), "ce_id")).isEqualTo(poison.toString());
        assertThat(TopicReader.header(dead.get(0), EventConsumers.DLQ_REASON_HEADER)).contains("poison");
    }

    @Test
    void aTransientFailureRetriesTheWholeBatchAndNothingIsDoubledOrDeadLettered() throws Exception {
        List<UUID> ids = send(texts(80, 40, "transient"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tallied(ids) == 80);
        assertThat(NoteTallyHandler.attempts(ids.get(40))).isEqualTo(3);
        // the events before it in its batch were handled again with it, and still counted once
        assertThat(NoteTallyHandler.attempts(ids.get(0))).isGreaterThanOrEqualTo(1);
        for (UUID id : List.of(ids.get(0), ids.get(39), ids.get(40), ids.get(79))) {
            assertThat(processed(id)).isEqualTo(1);
        }
        assertThat(TopicReader.read(DLQ, r -> ids.stream().anyMatch(id -> id.toString().equals(TopicReader.header(r, "ce_id"))),
                Duration.ofSeconds(1))).isEmpty();
    }
}
