package org.socialwork.infra.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events of another service onto the test broker, exactly as that service's outbox relay
 * would (CloudEvents 1.0 binary mode, key = subject), so that a consumer is tested on the real
 * Kafka path. The same event id may be sent twice on purpose to test redelivery.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Clock clock;

    /** A writer that stamps {@code ce_time} with the machine's time. */
    public TopicWriter() {
        this(Clock.systemUTC());
    }

    /**
     * A writer that stamps {@code ce_time} from {@code clock}: pass the service's business clock
     * when the consumer under test judges the event's time (lag, "as of").
     */
    public TopicWriter(Clock clock) {
        this.clock = clock;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends a new event (fresh id) and returns its id. */
    public UUID send(String topic, String source, String type, String subject, String json) {
        UUID id = UUID.randomUUID();
        send(topic, id, source, type, subject, json);
        return id;
    }

    /** Sends an event with the given id: sending the same id again simulates a redelivery. */
    public void send(String topic, UUID eventId, String source, String type, String subject, String json) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", eventId.toString());
        header(headers, "ce_source", source);
        header(headers, "ce_type", type);
        header(headers, "ce_subject", subject);
        header(headers, "ce_time", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        header(headers, "content-type", "application/json");
        try {
            producer.send(new ProducerRecord<>(topic, null, subject, json.getBytes(StandardCharsets.UTF_8), headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e.getCause());
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
