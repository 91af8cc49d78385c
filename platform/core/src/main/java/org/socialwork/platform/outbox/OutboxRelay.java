package org.socialwork.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.socialwork.platform.events.CloudEvent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.tracing.EventTracing;

/**
 * Publishes outbox rows with an idempotent producer ({@code acks=all}) and marks them sent. A row
 * that cannot be published stays pending and is retried with exponential backoff: a broker
 * outage delays events, never loses them, and never fails the write that produced them.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxRepository repository;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    TopicProvisioner topicProvisioner;

    @Inject
    BusinessClock clock;

    @Inject
    EventTracing tracing;

    @Inject
    Instance<PublishedEvents> publishedEvents;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private volatile KafkaProducer<String, byte[]> producer;
    private volatile boolean declaredTopicsReady;

    void registerMetrics(@jakarta.enterprise.event.Observes StartupEvent event) {
        Gauge.builder("socialwork.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published").register(registry);
        Gauge.builder("socialwork.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox row").baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "${socialwork.outbox.poll-interval:200ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    void relay() {
        if (!declaredTopicsReady) {
            // Consumers of a topic this service has not published to yet would otherwise wait on a missing
            // topic (and log it every second) until the first event; a broker that is down is asked again.
            Set<String> declared = new HashSet<>(config.compactedTopics().orElse(List.of()));
            declared.addAll(config.factTopics().orElse(List.of()));
            declaredTopicsReady = topicProvisioner.ensure(declared);
        }
        long deadline = System.nanoTime() + config.drainBudget().toNanos();
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::publishBatch);
        } while (published == config.batchSize() && System.nanoTime() < deadline);
    }

    @Scheduled(every = "${socialwork.outbox.metrics-interval:5s}", skipExecutionIf = RelayDisabled.class)
    void refreshMetrics() {
        QuarkusTransaction.requiringNew().run(() -> {
            pending.set(repository.pending());
            OffsetDateTime oldest = repository.oldestPendingAt();
            oldestAgeSeconds.set(oldest == null ? 0 : Duration.between(oldest, clock.now()).toSeconds());
        });
    }

    @Scheduled(every = "1h", skipExecutionIf = RelayDisabled.class)
    void purgeSent() {
        QuarkusTransaction.requiringNew().run(() -> {
            long deleted = repository.deleteSentBefore(clock.now().minus(config.retention()));
            if (deleted > 0) {
                LOG.infof("deleted %d published outbox rows older than %s", deleted, config.retention());
            }
        });
    }

    /** Publishes one batch of due rows in the current transaction; returns how many were taken. */
    int publishBatch() {
        OffsetDateTime now = clock.now();
        List<OutboxRecord> due = repository.lockDue(now, config.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        Set<String> topics = due.stream().map(r -> r.topic).collect(java.util.stream.Collectors.toSet());
        if (!topics.isEmpty() && !topicProvisioner.ensure(topics)) {
            // Publishing now would let the broker auto-create them with the wrong policy; retry next poll.
            return 0;
        }
        KafkaProducer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> sends = new ArrayList<>(due.size());
        List<Span> spans = new ArrayList<>(due.size());
        for (OutboxRecord record : due) {
            ProducerRecord<String, byte[]> event = toEvent(record).toRecord(record.topic);
            // Only events written inside a trace get a span: a national import must not open 600,000 roots.
            spans.add(record.traceparent == null ? Span.getInvalid()
                    : tracing.startPublish(record.traceparent, record.topic, record.id.toString(), event.headers()));
            Future<RecordMetadata> send = kafka.send(event);
            sends.add(send);
            if (send.isDone() && failed(send)) {
                // The broker is unreachable: the rest of the batch would only wait the same way.
                break;
            }
        }
        kafka.flush();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<UUID> sentIds = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            OutboxRecord record = due.get(i);
            Span span = spans.get(i);
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sentIds.add(record.id);
            } catch (Exception e) {
                record.attempts++;
                record.nextAttemptAt = now.plus(backoff(record.attempts));
                record.lastError = rootMessage(e);
                span.setStatus(StatusCode.ERROR, record.lastError);
            } finally {
                span.end();
            }
        }
        // One statement for the whole batch: marking rows one by one would rewrite each payload.
        repository.markSent(sentIds, clock.now());
        int sent = sentIds.size();
        if (sent > 0 && !publishedEvents.isUnsatisfied()) {
            Set<UUID> sentSet = new HashSet<>(sentIds);
            List<OutboxRecord> published = due.stream().filter(r -> sentSet.contains(r.id)).toList();
            publishedEvents.forEach(listener -> listener.published(published));
        }
        if (sent < due.size()) {
            LOG.warnf("outbox: published %d of %d due events; the rest are retried with backoff (%s)", sent, due.size(),
                    due.stream().filter(r -> r.lastError != null).map(r -> r.lastError).findFirst().orElse("not attempted"));
        }
        return due.size();
    }

    private CloudEvent toEvent(OutboxRecord record) {
        return new CloudEvent(record.id, record.source, record.type, record.key, record.occurredAt, CloudEvent.JSON,
                record.payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration wait = config.initialBackoff().multipliedBy(factor);
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    int timeoutMs = (int) config.sendTimeout().toMillis();
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                            ProducerConfig.LINGER_MS_CONFIG, 5,
                            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 2000),
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2),
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"),
                            new StringSerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private static boolean failed(Future<?> future) {
        try {
            future.get(0, TimeUnit.MILLISECONDS);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Skips the relay on instances configured not to run it. */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {

        @Inject
        OutboxConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.relayEnabled();
        }
    }
}
