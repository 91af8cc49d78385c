package org.socialwork.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.tracing.EventTracing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs one Kafka consumer thread per {@link EventHandler} bean. Offsets are committed after the
 * events of a poll were applied or dead-lettered, so a crash replays at most that poll, which the
 * inbox then recognises. An event that fails goes to {@code <topic>.dlq} with the reason in the
 * {@code dlq-reason} header, and the consumer moves on; an event that meets a transient failure
 * ({@link TransientFailures}: the database away, a lock or serialization conflict) is retried with
 * backoff instead, however long it takes, because the event itself is fine.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    public static final String DLQ_SUFFIX = ".dlq";
    public static final String DLQ_REASON_HEADER = "dlq-reason";
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "socialwork.consumers.enabled", defaultValue = "true")
    boolean enabled;

    private final AtomicBoolean running = new AtomicBoolean();
    private final List<KafkaConsumer<String, byte[]>> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private KafkaProducer<String, byte[]> dlqProducer;

    void start(@Observes StartupEvent event) {
        if (!enabled || handlers.isUnsatisfied()) {
            return;
        }
        running.set(true);
        dlqProducer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        for (EventHandler handler : handlers) {
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, applicationName + "." + handler.name(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                    // Only producers create topics, with the policy they need (TopicProvisioner).
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumers.add(consumer);
            Thread thread = new Thread(() -> run(handler, consumer), "consumer-" + handler.name());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(EventHandler handler, KafkaConsumer<String, byte[]> consumer) {
        try {
            consumer.subscribe(handler.topics());
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    process(handler, record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException | ShuttingDown e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer %s stopped", handler.name());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void process(EventHandler handler, ConsumerRecord<String, byte[]> record) {
        var event = CloudEvent.fromRecord(record);
        if (event.isEmpty()) {
            deadLetter(record, "not a CloudEvents 1.0 binary-mode record (ce_specversion, ce_id, ce_source, ce_type, ce_time)");
            return;
        }
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                tracing.consume(record.headers(), record.topic(), applicationName + "." + handler.name(),
                        event.get().id().toString(),
                        () -> QuarkusTransaction.requiringNew().run(() -> handler.handle(record.topic(), event.get())));
                return;
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (!TransientFailures.isTransient(e)) {
                    LOG.warnf("event %s (%s) on %s refused by %s: %s", event.get().id(), event.get().type(), record.topic(),
                            handler.name(), reason);
                    deadLetter(record, reason);
                    return;
                }
                // The database is away or busy: the event is fine, so it waits (and its offset stays uncommitted).
                LOG.warnf("event %s (%s) on %s: transient failure in %s, retried in %d ms: %s", event.get().id(),
                        event.get().type(), record.topic(), handler.name(), wait.toMillis(), reason);
                if (!pause(wait)) {
                    throw new ShuttingDown();
                }
                wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    /** Waits {@code wait} unless the service stops meanwhile; false when it does. */
    private boolean pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (running.get() && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return running.get();
    }

    /** Leaves the poll loop without committing: the events not applied are read again at the next start. */
    private static final class ShuttingDown extends RuntimeException {
        ShuttingDown() {
            super("shutting down", null, false, false);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> dlq = new ProducerRecord<>(record.topic() + DLQ_SUFFIX, null, record.key(),
                record.value());
        for (Header header : record.headers()) {
            dlq.headers().add(header);
        }
        dlq.headers().add(DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        dlq.headers().add("dlq-original-offset",
                (record.partition() + ":" + record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            dlqProducer.send(dlq).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to the dead-letter topic " + dlq.topic(), e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        consumers.forEach(KafkaConsumer::wakeup);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dlqProducer != null) {
            dlqProducer.close(Duration.ofSeconds(5));
        }
    }
}
