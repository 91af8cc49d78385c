package org.socialwork.infra.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.socialwork.infra.kafka.KafkaBroker;
import org.socialwork.infra.postgres.PostgresServer;

/**
 * The real Kafka broker and PostgreSQL shared by all tests of one JVM, started on first use and
 * stopped when the JVM exits. Tests reach the broker through {@link #kafka()}, which works from
 * any class loader because the broker is found through a system property naming its directory.
 */
public final class TestInfrastructure {

    static final String KAFKA_DIR_PROPERTY = "socialwork.test.kafka.dir";

    private static PostgresServer postgres;
    private static final List<String> freshDatabases = new ArrayList<>();
    private static Path workRoot;

    private TestInfrastructure() {
    }

    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.obtain(workRoot().resolve("postgres"), 0);
            System.out.println("[socialwork] tests use " + postgres.description());
        }
        return postgres;
    }

    static synchronized KafkaBroker startKafka() {
        String existing = System.getProperty(KAFKA_DIR_PROPERTY);
        if (existing != null) {
            KafkaBroker broker = KafkaBroker.attach(Path.of(existing));
            broker.start(Duration.ofSeconds(90));
            return broker;
        }
        long started = System.nanoTime();
        KafkaBroker broker = KafkaBroker.prepare(workRoot().resolve("kafka"), 0);
        broker.start(Duration.ofSeconds(90));
        System.setProperty(KAFKA_DIR_PROPERTY, broker.workDir().toString());
        System.out.printf("[socialwork] tests use a KRaft broker (Kafka jars, own JVM) on %s, ready in %d ms%n",
                broker.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        return broker;
    }

    /** The broker of this test JVM, to stop and start it again in outage tests. */
    public static KafkaBroker kafka() {
        String dir = System.getProperty(KAFKA_DIR_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("no test broker was started in this JVM");
        }
        return KafkaBroker.attach(Path.of(dir));
    }

    /** A fresh database name, so that each test JVM starts from empty tables. */
    static synchronized String freshDatabaseName(String schema) {
        String name = "sw_test_" + schema + "_" + UUID.randomUUID().toString().substring(0, 8);
        freshDatabases.add(name);
        return name;
    }

    private static synchronized Path workRoot() {
        if (workRoot == null) {
            try {
                workRoot = Files.createTempDirectory("socialwork-test-infra");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::shutdown, "socialwork-test-infra-stop"));
        }
        return workRoot;
    }

    private static void shutdown() {
        String dir = System.getProperty(KAFKA_DIR_PROPERTY);
        if (dir != null) {
            KafkaBroker.attach(Path.of(dir)).stop();
        }
        try {
            if (postgres != null) {
                // On a shared server (not our embedded one) the test databases would pile up run after run.
                for (String database : freshDatabases) {
                    dropQuietly(database);
                }
                postgres.close();
            }
            try (var paths = Files.walk(workRoot)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            System.err.println("[socialwork] could not clean " + workRoot + ": " + e.getMessage());
        }
    }

    private static void dropQuietly(String database) {
        try {
            postgres.drop(database);
        } catch (IllegalStateException e) {
            System.err.println("[socialwork] could not drop test database " + database + ": " + e.getMessage());
        }
    }
}
