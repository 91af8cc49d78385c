package org.socialwork.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.tracing.EventTracing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs one supervised Kafka consumer per {@link EventHandler} bean.
 *
 * <p>An event is applied in its own transaction (inbox row, version guard and read-model write
 * together), or with the consecutive events of its partition in one when its handler applies in
 * batches ({@link EventHandler#appliesInBatches()}); only once that transaction committed, or the event was acknowledged by its dead-letter
 * topic, does its offset join the next commit. So a crash, a restart or a rebalance replays events
 * that were not committed yet, which the inbox then recognises, and never skips one.
 *
 * <p>An event that fails goes to {@code <topic>.dlq} with the reason in the {@code dlq-reason} header
 * and the consumer moves on; an event that meets a transient failure ({@link TransientFailures}: the
 * database away, a lock or serialization conflict) is retried with backoff instead, however long it
 * takes, because the event itself is fine.
 *
 * <p>Any other failure of the loop (the dead-letter topic cannot be written, the broker is away, a
 * bug) closes that consumer and opens a new one after a backoff ({@link ConsumersConfig}); the
 * restarts are counted in {@code socialwork_consumer_restarts_total{group}}. The consumer thread
 * also publishes its lag ({@code socialwork_consumer_lag{group,topic}}: events of its partitions not
 * yet applied) and its state, which {@link EventConsumersHealth} reports; a {@link KafkaConsumer} is
 * not thread-safe, so nothing else ever touches it except {@code wakeup()} at shutdown.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    public static final String DLQ_SUFFIX = ".dlq";
    public static final String DLQ_REASON_HEADER = "dlq-reason";
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CLOSE = Duration.ofSeconds(5);
    private static final String NOT_A_CLOUD_EVENT =
            "not a CloudEvents 1.0 binary-mode record (ce_specversion, ce_id, ce_source, ce_type, ce_time)";

    /** What a consumer is doing. */
    public enum State {
        /** Polling and applying events. */
        RUNNING,
        /** Its last consumer failed; a new one opens after the backoff. */
        RESTARTING,
        /** The service is shutting down. */
        STOPPED
    }

    /** A consumer group as the health check and operators see it. */
    public record GroupStatus(String group, State state, long lag, long restarts, String lastFailure) {
    }

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    EventTracing tracing;

    @Inject
    ConsumersConfig config;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Supervisor> supervisors = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private KafkaProducer<String, byte[]> dlqProducer;

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || handlers.isUnsatisfied()) {
            return;
        }
        running.set(true);
        long timeout = config.dlqSendTimeout().toMillis();
        dlqProducer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // A broker that is away must fail the send within the timeout, not block the consumer for minutes.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 30_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout), new StringSerializer(), new ByteArraySerializer());
        for (EventHandler handler : handlers) {
            Supervisor supervisor = new Supervisor(handler);
            // The first consumer opens here, so the instance is not reported ready before its consumers exist.
            supervisor.open();
            supervisors.add(supervisor);
            Thread thread = new Thread(supervisor, "consumer-" + handler.name());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Whether consumers run in this instance at all. */
    public boolean enabled() {
        return config.enabled();
    }

    /** The state of every consumer group of this instance, by group id. */
    public List<GroupStatus> status() {
        return supervisors.stream().map(Supervisor::status).sorted(Comparator.comparing(GroupStatus::group)).toList();
    }

    /** Opens, supervises and reopens the consumer of one handler. */
    private final class Supervisor implements Runnable {

        private final EventHandler handler;
        private final String group;
        private final Counter restarts;
        /** Lag per topic, summed over this consumer's partitions; the gauges read these. */
        private final Map<String, AtomicLong> topicLag = new ConcurrentHashMap<>();
        private volatile State state = State.RUNNING;
        private volatile KafkaConsumer<String, byte[]> consumer;
        private volatile String lastFailure;

        // Touched by the consumer thread only (and by the rebalance listener, which runs in it).
        private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
        private final Map<TopicPartition, Long> endOffsets = new HashMap<>();
        private final Map<TopicPartition, Long> partitionLag = new HashMap<>();
        private final Map<TopicPartition, Long> nextToApply = new HashMap<>();
        private Duration backoff;

        Supervisor(EventHandler handler) {
            this.handler = handler;
            this.group = applicationName + "." + handler.name();
            this.backoff = config.restartBackoff();
            this.restarts = Counter.builder("socialwork.consumer.restarts").tag("group", group)
                    .description("Times a consumer was closed after a failure and opened again").register(registry);
            for (String topic : handler.topics()) {
                lagOf(topic);
            }
        }

        GroupStatus status() {
            long lag = topicLag.values().stream().mapToLong(AtomicLong::get).sum();
            return new GroupStatus(group, state, lag, (long) restarts.count(), lastFailure);
        }

        void open() {
            KafkaConsumer<String, byte[]> opened = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, group,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                    ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) config.maxPollInterval().toMillis(),
                    // Only producers create topics, with the policy they need (TopicProvisioner).
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer = opened;
            opened.subscribe(handler.topics(), new Rebalance(opened));
            state = State.RUNNING;
        }

        @Override
        public void run() {
            while (running.get()) {
                Throwable failure = null;
                try {
                    if (consumer == null) {
                        open();
                    }
                    consume(consumer);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    close();
                }
                if (!running.get()) {
                    break;
                }
                state = State.RESTARTING;
                restarts.increment();
                lastFailure = failure == null ? "unknown" : failure.getClass().getSimpleName();
                LOG.errorf(failure, "consumer %s failed; a new one opens in %d ms", group, backoff.toMillis());
                if (!pause(backoff)) {
                    break;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(config.maxRestartBackoff()) > 0 ? config.maxRestartBackoff() : doubled;
            }
            state = State.STOPPED;
        }

        private void consume(KafkaConsumer<String, byte[]> current) {
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = current.poll(POLL);
                refreshLag(current, records);
                int batch = handler.appliesInBatches() ? Math.max(1, config.maxBatch()) : 1;
                for (TopicPartition partition : records.partitions()) {
                    List<ConsumerRecord<String, byte[]>> polled = records.records(partition);
                    for (int from = 0; from < polled.size(); from += batch) {
                        List<ConsumerRecord<String, byte[]>> chunk = polled.subList(from, Math.min(polled.size(), from + batch));
                        if (chunk.size() == 1) {
                            process(handler, group, chunk.get(0), () -> refreshEndOffsets(current));
                        } else {
                            processBatch(handler, group, chunk, () -> refreshEndOffsets(current));
                        }
                        long next = chunk.get(chunk.size() - 1).offset() + 1;
                        applied.put(partition, new OffsetAndMetadata(next));
                        publishLag(partition, next);
                    }
                }
                commit(current);
                backoff = config.restartBackoff();
            }
        }

        private void commit(KafkaConsumer<String, byte[]> current) {
            if (applied.isEmpty()) {
                return;
            }
            try {
                current.commitSync(Map.copyOf(applied));
                applied.clear();
            } catch (CommitFailedException | RebalanceInProgressException e) {
                // The group is rebalancing or dropped this member (a poll took longer than max.poll.interval.ms).
                // The next poll rejoins; the rebalance listener commits what it can of the partitions that move
                // and forgets the lost ones, whose new owner reads them from the last commit: replayed, not skipped.
                LOG.warnf("consumer %s: offsets not committed, the group is rebalancing: %s", group, e.getMessage());
            }
        }

        /** The end of each assigned partition as of the last fetch, and how far behind it this consumer is. */
        private void refreshLag(KafkaConsumer<String, byte[]> current, ConsumerRecords<String, byte[]> records) {
            for (TopicPartition partition : current.assignment()) {
                var lag = current.currentLag(partition);
                if (lag.isEmpty()) {
                    continue;
                }
                long position = current.position(partition, CLOSE);
                endOffsets.put(partition, position + lag.getAsLong());
                List<ConsumerRecord<String, byte[]>> polled = records.records(partition);
                publishLag(partition, polled.isEmpty() ? position : polled.get(0).offset());
            }
        }

        private void publishLag(TopicPartition partition, long next) {
            nextToApply.put(partition, next);
            Long end = endOffsets.get(partition);
            if (end == null) {
                return;
            }
            partitionLag.put(partition, Math.max(0, end - next));
            sumLag(partition.topic());
        }

        /** While an event is retried no poll fetches, so the lag would freeze; the end offsets are asked for instead. */
        private void refreshEndOffsets(KafkaConsumer<String, byte[]> current) {
            try {
                current.endOffsets(current.assignment(), CLOSE).forEach((partition, end) -> {
                    endOffsets.put(partition, end);
                    Long next = nextToApply.get(partition);
                    if (next != null) {
                        publishLag(partition, next);
                    }
                });
            } catch (RuntimeException e) {
                LOG.debugf("consumer %s: end offsets not known now: %s", group, e);
            }
        }

        private void sumLag(String topic) {
            long sum = 0;
            for (var entry : partitionLag.entrySet()) {
                if (entry.getKey().topic().equals(topic)) {
                    sum += entry.getValue();
                }
            }
            lagOf(topic).set(sum);
        }

        private AtomicLong lagOf(String topic) {
            return topicLag.computeIfAbsent(topic, t -> {
                AtomicLong lag = new AtomicLong();
                Gauge.builder("socialwork.consumer.lag", lag, AtomicLong::get).tags("group", group, "topic", t)
                        .description("Events of the consumer's partitions not yet applied, as of its last fetch")
                        .register(registry);
                return lag;
            });
        }

        private void forget(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                applied.remove(partition);
                endOffsets.remove(partition);
                partitionLag.remove(partition);
                nextToApply.remove(partition);
            }
            partitions.stream().map(TopicPartition::topic).distinct().forEach(this::sumLag);
        }

        /** Commits what was applied (it is safe: those transactions committed) and closes the consumer. */
        private void close() {
            KafkaConsumer<String, byte[]> current = consumer;
            consumer = null;
            if (current == null) {
                return;
            }
            try {
                if (!applied.isEmpty()) {
                    current.commitSync(Map.copyOf(applied), CLOSE);
                }
            } catch (RuntimeException e) {
                LOG.debugf("consumer %s: applied offsets not committed before closing (read again): %s", group, e);
            }
            applied.clear();
            endOffsets.clear();
            partitionLag.clear();
            nextToApply.clear();
            try {
                current.close(CLOSE);
            } catch (RuntimeException e) {
                LOG.debugf("consumer %s did not close cleanly: %s", group, e);
            }
        }

        void wakeup() {
            KafkaConsumer<String, byte[]> current = consumer;
            if (current != null) {
                try {
                    current.wakeup();
                } catch (RuntimeException e) {
                    LOG.debugf("consumer %s: wakeup failed: %s", group, e);
                }
            }
        }

        /** Keeps the applied offsets of partitions that move to another member, and drops those already lost. */
        private final class Rebalance implements ConsumerRebalanceListener {

            private final KafkaConsumer<String, byte[]> owner;

            Rebalance(KafkaConsumer<String, byte[]> owner) {
                this.owner = owner;
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>();
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = applied.get(partition);
                    if (offset != null) {
                        leaving.put(partition, offset);
                    }
                }
                if (!leaving.isEmpty()) {
                    try {
                        owner.commitSync(leaving, CLOSE);
                    } catch (RuntimeException e) {
                        LOG.warnf("consumer %s: offsets of revoked partitions not committed (read again): %s", group,
                                e.getMessage());
                    }
                }
                forget(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                forget(partitions);
            }
        }
    }

    private void process(EventHandler handler, String group, ConsumerRecord<String, byte[]> record, Runnable whileRetrying) {
        var event = CloudEvent.fromRecord(record);
        if (event.isEmpty()) {
            deadLetter(record, NOT_A_CLOUD_EVENT);
            return;
        }
        String what = "event " + event.get().id() + " (" + event.get().type() + ") on " + record.topic();
        try {
            tracing.consume(record.headers(), record.topic(), group, event.get().id().toString(),
                    () -> commitRetrying(what, handler, () -> {
                        handler.handle(record.topic(), event.get());
                        handler.beforeCommit();
                    }, whileRetrying));
        } catch (ShuttingDown e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("%s refused by %s: %s", what, handler.name(), reason(e));
            deadLetter(record, reason(e));
        }
    }

    /**
     * Applies consecutive events of one partition in one transaction. When it fails for a reason that
     * is not transient, nothing of it committed, and its events are applied again one transaction each,
     * which dead-letters the bad event alone.
     */
    private void processBatch(EventHandler handler, String group, List<ConsumerRecord<String, byte[]>> chunk,
            Runnable whileRetrying) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(chunk.size());
        List<CloudEvent> events = new ArrayList<>(chunk.size());
        for (ConsumerRecord<String, byte[]> record : chunk) {
            var event = CloudEvent.fromRecord(record);
            if (event.isEmpty()) {
                deadLetter(record, NOT_A_CLOUD_EVENT);
            } else {
                records.add(record);
                events.add(event.get());
            }
        }
        if (records.isEmpty()) {
            return;
        }
        ConsumerRecord<String, byte[]> first = records.get(0);
        String what = "batch of " + records.size() + " events on " + first.topic() + "-" + first.partition() + " from offset "
                + first.offset();
        try {
            commitRetrying(what, handler, () -> {
                for (int i = 0; i < records.size(); i++) {
                    ConsumerRecord<String, byte[]> record = records.get(i);
                    CloudEvent event = events.get(i);
                    tracing.consume(record.headers(), record.topic(), group, event.id().toString(),
                            () -> handler.handle(record.topic(), event));
                }
                handler.beforeCommit();
            }, whileRetrying);
        } catch (ShuttingDown e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.infof("%s failed in %s (%s); applying its events one by one", what, handler.name(), reason(e));
            for (ConsumerRecord<String, byte[]> record : records) {
                process(handler, group, record, whileRetrying);
            }
        }
    }

    /**
     * Runs {@code work} in a new transaction until it commits. A transient failure is retried with
     * backoff however long it takes, the offsets staying uncommitted meanwhile; any other is thrown.
     */
    private void commitRetrying(String what, EventHandler handler, Runnable work, Runnable whileRetrying) {
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                // The database is away or busy: the events are fine, so they wait.
                LOG.warnf("%s: transient failure in %s, retried in %d ms: %s", what, handler.name(), wait.toMillis(), reason(e));
                whileRetrying.run();
                if (!pause(wait)) {
                    throw new ShuttingDown();
                }
                wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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

    /** Leaves the poll loop without committing the event at hand: it is read again at the next start. */
    private static final class ShuttingDown extends RuntimeException {
        ShuttingDown() {
            super("shutting down", null, false, false);
        }
    }

    /**
     * Sends the event to its dead-letter topic and waits for the broker's acknowledgement; throws when
     * it does not come, so the event's offset is not committed and the restarted consumer tries again.
     * A send that timed out may still land later, so the DLQ can hold an event twice, never zero times.
     */
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
            dlqProducer.send(dlq).get(config.dlqSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to the dead-letter topic " + dlq.topic(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to the dead-letter topic " + dlq.topic(), e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        supervisors.forEach(Supervisor::wakeup);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dlqProducer != null) {
            dlqProducer.close(CLOSE);
        }
    }
}
