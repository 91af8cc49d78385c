package org.socialwork.reliability;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.socialwork.infra.kafka.KafkaBroker;

/**
 * The stack under test: an embedded PostgreSQL (an InfraCli process), a KRaft broker, and two
 * instances of each service, every instance reaching PostgreSQL and Kafka through a {@link FaultProxy}.
 * The broker advertises the Kafka proxy's address, so that after bootstrap every client connection
 * goes through the proxy too.
 */
final class Stack implements AutoCloseable {

    static final String[] SERVICES = {"stations", "personnel", "projects", "reporting"};
    static final int PG_PORT = 25432;
    static final int PG_PROXY_PORT = 25433;
    static final int KAFKA_PORT = 29092;
    static final int KAFKA_PROXY_PORT = 29093;
    static final String DB_NAME = "socialwork_reliability";

    final Path repo;
    final Path runDir;
    final FaultProxy pgProxy = new FaultProxy("postgres", PG_PROXY_PORT, PG_PORT);
    final FaultProxy kafkaProxy = new FaultProxy("kafka", KAFKA_PROXY_PORT, KAFKA_PORT);
    final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, String> serviceEnv = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process postgres;
    private int postgresStarts;
    private KafkaBroker broker;

    Stack(Path repo, Path runDir) {
        this.repo = repo;
        this.runDir = runDir;
        int i = 0;
        for (String svc : SERVICES) {
            i++;
            for (int n = 1; n <= 2; n++) {
                Instance inst = new Instance(svc, n, (n == 1 ? 8180 : 8280) + i);
                instances.put(inst.name, inst);
            }
        }
    }

    /** An instance of a service on its own port; {@code process} is replaced on every restart. */
    final class Instance {
        final String service;
        final String name;
        final int port;
        volatile Process process;
        volatile int starts;

        Instance(String service, int n, int port) {
            this.service = service;
            this.name = service + "-" + n;
            this.port = port;
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        synchronized void start() throws IOException {
            Path log = runDir.resolve("logs").resolve(name + ".log");
            Files.writeString(log, "=== start " + (++starts) + " at " + RunClock.instant() + " ===\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(javaExe(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", repo.resolve(service + "-service/target/quarkus-app/quarkus-run.jar").toString());
            pb.environment().putAll(serviceEnv);
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            // reporting's reconciliation reads the producers' source totals from the instances on its own side
            int side = port / 100 * 100;
            pb.environment().put("STATIONS_SERVICE_URL", "http://127.0.0.1:" + (side + 81));
            pb.environment().put("PERSONNEL_SERVICE_URL", "http://127.0.0.1:" + (side + 82));
            pb.environment().put("PROJECTS_SERVICE_URL", "http://127.0.0.1:" + (side + 83));
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = pb.start();
        }

        /** SIGKILL: no shutdown hook, no graceful close of the consumer or the relay. */
        synchronized void kill() throws InterruptedException {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }

        boolean ready() {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
                return r.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Seconds until ready; fails when the process exits or the timeout passes. */
        double awaitReady(Duration timeout) throws InterruptedException {
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (ready()) {
                    return (System.nanoTime() - start) / 1e9;
                }
                Process p = process;
                if (p != null && !p.isAlive()) {
                    throw new IllegalStateException(name + " exited (code " + p.exitValue() + "); see "
                            + runDir.resolve("logs").resolve(name + ".log"));
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException(name + " not ready within " + timeout);
        }
    }

    void prepare() throws IOException {
        Files.createDirectories(runDir.resolve("logs"));
        pgProxy.start();
        kafkaProxy.start();
    }

    void startPostgres() throws Exception {
        Path log = runDir.resolve("logs").resolve("postgres-" + (++postgresStarts) + ".log");
        List<String> cmd = new ArrayList<>(List.of(javaExe(), "-cp", infraClasspath(), "org.socialwork.infra.cli.InfraCli",
                "postgres", runDir.resolve("postgres").toString(), Integer.toString(PG_PORT), DB_NAME));
        cmd.addAll(List.of(SERVICES));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // the embedded server only: a machine's PostgreSQL could not be restarted by the suite
        pb.environment().remove("SOCIALWORK_PG_URL");
        pb.environment().remove("PGHOST");
        postgres = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("Schemas ready")) {
                if (!text.contains("embedded PostgreSQL")) {
                    throw new IllegalStateException("the suite needs the embedded PostgreSQL (it restarts it); got: " + text);
                }
                loadPostgresEnv();
                return;
            }
            if (!postgres.isAlive()) {
                throw new IllegalStateException("PostgreSQL did not start; see " + log);
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("PostgreSQL not ready in 3 minutes; see " + log);
    }

    /** A graceful stop (the InfraCli shutdown hook stops the server with pg_ctl, fast mode). */
    void stopPostgres() throws InterruptedException {
        if (postgres != null) {
            postgres.destroy();
            if (!postgres.waitFor(60, TimeUnit.SECONDS)) {
                postgres.destroyForcibly();
                postgres.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private void loadPostgresEnv() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(runDir.resolve("postgres").resolve("postgres.env"))) {
            p.load(in);
        }
        for (String svc : SERVICES) {
            String prefix = svc.toUpperCase();
            String url = p.getProperty(prefix + "_DB_URL").replace(":" + PG_PORT + "/", ":" + PG_PROXY_PORT + "/");
            serviceEnv.put(prefix + "_DB_URL", url);
            serviceEnv.put(prefix + "_DB_USER", p.getProperty(prefix + "_DB_USER"));
            serviceEnv.put(prefix + "_DB_PASSWORD", p.getProperty(prefix + "_DB_PASSWORD"));
        }
    }

    void startKafka() throws IOException {
        Path dir = runDir.resolve("kafka");
        boolean fresh = !Files.exists(dir.resolve("server.properties"));
        broker = KafkaBroker.prepare(dir, KAFKA_PORT);
        if (fresh) {
            Path config = dir.resolve("server.properties");
            String text = Files.readString(config).replace("advertised.listeners=PLAINTEXT://127.0.0.1:" + KAFKA_PORT,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + KAFKA_PROXY_PORT);
            Files.writeString(config, text);
        }
        broker.start(Duration.ofSeconds(120));
    }

    void stopKafka() {
        broker.stop();
    }

    /** The broker's pid, for SIGSTOP-free checks and logs. */
    String kafkaBootstrapDirect() {
        return "127.0.0.1:" + KAFKA_PORT;
    }

    void configureServices(Path divisionsRoot) throws IOException {
        serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + KAFKA_PROXY_PORT);
        serviceEnv.put("JWT_ISSUER", "https://sso.socialwork.local/realms/dev");
        serviceEnv.put("JWT_PUBLIC_KEY_LOCATION",
                repo.resolve("platform/infra/src/main/resources/dev-keys/publicKey.pem").toString());
        serviceEnv.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        serviceEnv.put("STATIONS_REGION_IMPORT_SERVER_ROOT", divisionsRoot.toString());
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (String svc : new String[] {"STATIONS", "PERSONNEL", "PROJECTS"}) {
            byte[] k = new byte[32];
            random.nextBytes(k);
            serviceEnv.put(svc + "_PD_KEY_K1", java.util.Base64.getEncoder().encodeToString(k));
            random.nextBytes(k);
            serviceEnv.put(svc + "_PD_INDEX_KEY", java.util.Base64.getEncoder().encodeToString(k));
        }
    }

    void startAllServices() throws Exception {
        for (Instance inst : instances.values()) {
            inst.start();
        }
        for (Instance inst : instances.values()) {
            inst.awaitReady(Duration.ofMinutes(5));
        }
    }

    List<Instance> of(String service) {
        return instances.values().stream().filter(i -> i.service.equals(service)).toList();
    }

    String infraClasspath() throws IOException {
        return repo.resolve("platform/infra/target/classes") + File.pathSeparator
                + Files.readString(repo.resolve("platform/infra/target/infra-cli.classpath")).trim();
    }

    static String javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        for (Instance inst : instances.values()) {
            Process p = inst.process;
            if (p != null) {
                p.destroy();
            }
        }
        for (Instance inst : instances.values()) {
            Process p = inst.process;
            try {
                if (p != null && !p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (broker != null) {
                broker.stop();
            }
        } catch (RuntimeException e) {
            System.err.println("stopping Kafka: " + e.getMessage());
        }
        try {
            stopPostgres();
            pgProxy.close();
            kafkaProxy.close();
        } catch (Exception e) {
            System.err.println("stopping: " + e.getMessage());
        }
    }
}
