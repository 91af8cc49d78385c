package org.socialwork.reporting.rebuild;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.reporting.ReportingConfig;
import org.socialwork.reporting.readmodel.EventParser;
import org.socialwork.reporting.readmodel.ParsedEvent;
import org.socialwork.reporting.readmodel.ReadModelWriter;
import org.socialwork.reporting.readmodel.Topics;
import org.socialwork.reporting.support.Jdbc;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Rebuilds the read models from the topics: a new generation is filled by replaying every
 * consumed topic from the beginning with a fresh consumer group, while the active generation
 * keeps serving and live events reach both. When the replay reaches the end offsets taken at its
 * start, the new generation becomes active in one transaction and the old one is deleted.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    static final List<String> TABLES = List.of("rm_region", "rm_station", "rm_agency", "rm_worker", "rm_assignment",
            "rm_training", "rm_dispatch", "rm_volunteer", "rm_project", "rm_client", "rm_need", "rm_evaluation",
            "rm_service_record", "ru_day", "ru_month", "ru_client_month", "ru_client_day", "rm_station_day", "rm_cover_unit",
            "rm_cover_unit_day", "ru_cover_day", "ru_cover_month", "ru_cover_units", "ru_client_distinct");

    @Inject
    Jdbc jdbc;

    @Inject
    CallerScope caller;

    @Inject
    EventParser parser;

    @Inject
    ReadModelWriter writer;

    @Inject
    ReportingConfig config;

    @Inject
    BusinessClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * A rebuild does not survive a restart: a generation still BUILDING at startup was abandoned
     * with its process, so it is failed and emptied, and live events stop going to it.
     */
    void abandonInterrupted(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            Integer building = jdbc.one("select gen from model_generation where state = 'BUILDING' for update",
                    rs -> rs.getInt(1));
            if (building != null) {
                jdbc.update("update model_generation set state = 'FAILED', finished_at = ?, detail = ? where gen = ?",
                        clock.now(), "interrupted by a restart", building);
                drop(building);
                LOG.warnf("rebuild of generation %d was interrupted by a restart; start it again", building);
            }
        });
    }

    /** Opens a new generation and starts replaying into it. */
    public RebuildView start() {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN);
        int gen = QuarkusTransaction.requiringNew().call(this::open);
        executor.submit(() -> run(gen));
        return QuarkusTransaction.requiringNew().call(() -> view(gen));
    }

    private int open() {
        jdbc.update("lock table model_generation in exclusive mode");
        Integer building = jdbc.one("select gen from model_generation where state = 'BUILDING'", rs -> rs.getInt(1));
        if (building != null) {
            throw Problems.conflict("reporting.rebuild.running");
        }
        int gen = jdbc.one("select max(gen) + 1 from model_generation", rs -> rs.getInt(1));
        for (String table : TABLES) {
            jdbc.update("delete from " + table + " where gen = ?", gen);
        }
        jdbc.update("insert into model_generation (gen, state, started_at) values (?, 'BUILDING', ?)", gen, clock.now());
        return gen;
    }

    @Transactional
    public RebuildView get(int gen) {
        // Generations are the platform's own: to anyone else there is no such rebuild.
        RebuildView view = caller.isPlatformAdmin() ? view(gen) : null;
        if (view == null) {
            throw Problems.notFound("rebuild", gen);
        }
        return view;
    }

    @Transactional
    public RebuildView latest() {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN);
        return view(jdbc.one("select max(gen) from model_generation", rs -> rs.getInt(1)));
    }

    private RebuildView view(int gen) {
        return jdbc.one("""
                select gen, state, started_at, finished_at, events_total, events_done, detail
                from model_generation where gen = ?""",
                rs -> new RebuildView(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getLong(5), rs.getLong(6), rs.getString(7)), gen);
    }

    void run(int gen) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, applicationName + ".rebuild-" + gen + "-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(30));
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.all()) {
                for (PartitionInfo p : existing.getOrDefault(topic, List.of())) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            long total = end.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
            QuarkusTransaction.requiringNew().run(() -> jdbc.update(
                    "update model_generation set events_total = ? where gen = ?", total, gen));
            end.entrySet().removeIf(e -> e.getValue() <= begin.get(e.getKey()));
            long done = 0;
            long idleSince = System.nanoTime();
            while (!end.isEmpty()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    if (System.nanoTime() - idleSince > config.rebuild().stallTimeout().toNanos()) {
                        throw new IllegalStateException("no records for " + config.rebuild().stallTimeout()
                                + " before reaching the end offsets of " + end.keySet());
                    }
                    continue;
                }
                idleSince = System.nanoTime();
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    Long stop = end.get(tp);
                    if (stop != null && record.offset() < stop) {
                        batch.add(record);
                    }
                }
                QuarkusTransaction.requiringNew().run(() -> {
                    batch.forEach(record -> apply(gen, record));
                    writer.flush();
                });
                done += batch.size();
                long progress = done;
                QuarkusTransaction.requiringNew().run(() -> jdbc.update(
                        "update model_generation set events_done = ? where gen = ?", progress, gen));
                for (TopicPartition tp : new ArrayList<>(end.keySet())) {
                    if (consumer.position(tp) >= end.get(tp)) {
                        end.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
            int retired = QuarkusTransaction.requiringNew().call(() -> switchTo(gen));
            QuarkusTransaction.requiringNew().run(() -> drop(retired));
            LOG.infof("read models rebuilt into generation %d from %d events", gen, done);
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild of generation %d failed", gen);
            QuarkusTransaction.requiringNew().run(() -> {
                jdbc.update("update model_generation set state = 'FAILED', finished_at = ?, detail = ? where gen = ?",
                        clock.now(), String.valueOf(e.getMessage()), gen);
                drop(gen);
            });
        }
    }

    /**
     * Applies one replayed event. An event the live consumer would dead-letter is skipped here as
     * well; the data guards of the writer make replaying what live consumption already wrote harmless.
     */
    private void apply(int gen, ConsumerRecord<String, byte[]> record) {
        CloudEvent.fromRecord(record).ifPresent(event -> {
            ParsedEvent parsed;
            try {
                parsed = parser.parse(record.topic(), event);
            } catch (IllegalArgumentException e) {
                return;
            }
            writer.write(gen, parsed.payload());
        });
    }

    private int switchTo(int gen) {
        jdbc.update("lock table model_generation in exclusive mode");
        int old = jdbc.one("select gen from model_generation where state = 'ACTIVE'", rs -> rs.getInt(1));
        OffsetDateTime now = clock.now();
        jdbc.update("update model_generation set state = 'RETIRED', finished_at = ? where gen = ?", now, old);
        jdbc.update("update model_generation set state = 'ACTIVE', finished_at = ? where gen = ?", now, gen);
        return old;
    }

    private void drop(int gen) {
        for (String table : TABLES) {
            jdbc.update("delete from " + table + " where gen = ?", gen);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
