package org.socialwork.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker (combined broker and controller) running in its own JVM from the
 * Apache Kafka jars that Maven resolved for this module.
 *
 * <p>All state lives in one work directory: {@code server.properties}, the formatted log
 * directory, the broker's own log and a pid file. That makes a broker controllable from any
 * process or class loader that knows the directory: a test can stop the broker that the test
 * resource started and start it again on the same port with the same data, which is how a real
 * outage looks to the services.
 */
public final class KafkaBroker {

    private static final String CLASSPATH_RESOURCE = "/org/socialwork/infra/kafka/broker.classpath";
    private static final String PORT_KEY = "socialwork.port";
    private static final String CONTROLLER_PORT_KEY = "socialwork.controller.port";

    private final Path workDir;
    private final int port;
    private final int controllerPort;

    private KafkaBroker(Path workDir, int port, int controllerPort) {
        this.workDir = workDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Prepares a broker in {@code workDir}: writes its configuration and formats its storage when
     * the directory is new, or reuses the ports and data of a broker prepared there before.
     *
     * @param port the client port, or 0 to pick a free one (kept for later restarts)
     */
    public static KafkaBroker prepare(Path workDir, int port) {
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve("server.properties");
            if (Files.exists(config)) {
                return attach(workDir);
            }
            int clientPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            KafkaBroker broker = new KafkaBroker(workDir, clientPort, controllerPort);
            broker.writeConfig();
            broker.format();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a Kafka broker in " + workDir, e);
        }
    }

    /** A handle on a broker prepared earlier in {@code workDir}, running or not. */
    public static KafkaBroker attach(Path workDir) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(workDir.resolve("server.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no Kafka broker was prepared in " + workDir, e);
        }
        return new KafkaBroker(workDir, Integer.parseInt(props.getProperty(PORT_KEY)),
                Integer.parseInt(props.getProperty(CONTROLLER_PORT_KEY)));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path workDir() {
        return workDir;
    }

    /** Starts the broker process unless it already runs, and waits until it serves clients. */
    public void start(Duration timeout) {
        if (isRunning()) {
            awaitReady(timeout);
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + workDir.resolve("log4j2.properties"),
                "-Dkafka.logs.dir=" + workDir.resolve("logs"),
                "-cp", brokerClasspath(), "kafka.Kafka", workDir.resolve("server.properties").toString()));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("broker.out").toFile()))
                    .start();
            Files.writeString(workDir.resolve("broker.pid"), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
        awaitReady(timeout);
    }

    /** Stops the broker process (gracefully, then forcibly) and keeps its data for a restart. */
    public void stop() {
        process().ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
                handle.onExit().join();
            }
        });
        awaitPortClosed(Duration.ofSeconds(30));
    }

    public boolean isRunning() {
        return process().isPresent();
    }

    private Optional<ProcessHandle> process() {
        Path pidFile = workDir.resolve("broker.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException("the Kafka broker exited during start-up; see "
                        + workDir.resolve("broker.out") + " and " + workDir.resolve("logs"));
            }
            if (portOpen()) {
                try (Admin admin = Admin.create(adminConfig)) {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
            }
            sleepQuietly(200);
        }
        throw new IllegalStateException("the Kafka broker at " + bootstrapServers() + " was not ready within "
                + timeout + "; see " + workDir.resolve("broker.out"), last);
    }

    private void awaitPortClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (portOpen() && System.nanoTime() < deadline) {
            sleepQuietly(100);
        }
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void writeConfig() throws IOException {
        Path data = workDir.resolve("data");
        String config = String.join("\n",
                "# Written by org.socialwork.infra.kafka.KafkaBroker: single-node KRaft, loopback only.",
                PORT_KEY + "=" + port,
                CONTROLLER_PORT_KEY + "=" + controllerPort,
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=10000",
                "");
        Files.writeString(workDir.resolve("server.properties"), config, StandardCharsets.UTF_8);
        Files.createDirectories(workDir.resolve("logs"));
        String log4j = String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + workDir.resolve("logs").resolve("server.log"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kafka.name = kafka",
                "logger.kafka.level = WARN",
                "logger.apache.name = org.apache.kafka",
                "logger.apache.level = WARN",
                "");
        Files.writeString(workDir.resolve("log4j2.properties"), log4j, StandardCharsets.UTF_8);
    }

    private void format() throws IOException {
        List<String> command = List.of(javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + workDir.resolve("log4j2.properties"),
                "-cp", brokerClasspath(), "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(),
                "-c", workDir.resolve("server.properties").toString());
        Path out = workDir.resolve("format.out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed: " + Files.readString(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
    }

    /**
     * The broker's classpath, written by the build (maven-dependency-plugin build-classpath) from
     * the provided-scope Kafka dependencies of this module.
     */
    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + CLASSPATH_RESOURCE + ": build platform/infra with Maven first");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : classpath.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("the Kafka broker jar " + entry
                            + " is missing from the local Maven repository: run ./mvnw -pl platform/infra install");
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
