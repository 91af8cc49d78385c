package org.socialwork.infra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.infra.kafka.KafkaBroker;
import org.socialwork.infra.postgres.PostgresServer;

/**
 * Command-line entry of the local stack (deploy/local/*.sh):
 * <pre>
 *   kafka-start DIR PORT      prepare (first time) and start a KRaft broker, wait until ready
 *   kafka-stop DIR            stop the broker started in DIR
 *   postgres-drop DIR DB      drop database DB on the server "postgres" would pick (used by down.sh --purge
 *                             when that server is not our embedded one, whose data directory is simply deleted)
 *   postgres DIR PORT DB SCHEMA...
 *                             find or start PostgreSQL, provision one schema and role per name,
 *                             write DIR/postgres.env; stays in the foreground while it serves an
 *                             embedded server
 *   token --role R [--region CODE] [--agency UUID] [--worker UUID] [--subject S] [--hours H]
 *                             print a dev JWT
 * </pre>
 */
public final class InfraCli {

    private InfraCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "kafka-start" -> {
                requireArgs(args, 3);
                KafkaBroker broker = KafkaBroker.prepare(Path.of(args[1]), Integer.parseInt(args[2]));
                broker.start(Duration.ofSeconds(120));
                System.out.println("Kafka (KRaft, Apache Kafka jars) ready on " + broker.bootstrapServers());
            }
            case "kafka-stop" -> {
                requireArgs(args, 2);
                KafkaBroker.attach(Path.of(args[1])).stop();
                System.out.println("Kafka stopped");
            }
            case "postgres" -> {
                requireArgs(args, 5);
                postgres(Path.of(args[1]), Integer.parseInt(args[2]), args[3], Arrays.asList(args).subList(4, args.length));
            }
            case "postgres-drop" -> {
                requireArgs(args, 3);
                PostgresServer server = PostgresServer.obtain(Path.of(args[1]).resolve("pgdata"), 0);
                server.drop(args[2]);
                server.close();
                System.out.println("Database " + args[2] + " dropped on " + server.description());
            }
            case "token" -> System.out.println(token(Arrays.asList(args).subList(1, args.length)));
            default -> usage();
        }
    }

    private static void postgres(Path dir, int port, String database, List<String> schemas) throws Exception {
        Files.createDirectories(dir);
        PostgresServer server = PostgresServer.obtain(dir.resolve("pgdata"), port);
        System.out.println("PostgreSQL: " + server.description());
        Properties passwords = loadOrCreatePasswords(dir.resolve("postgres.passwords"), schemas);
        StringBuilder env = new StringBuilder("# Written by InfraCli postgres: one schema and role per service.\n");
        env.append("SOCIALWORK_PG_DESCRIPTION='").append(server.description()).append("'\n");
        for (String schema : schemas) {
            PostgresServer.ServiceDatabase db = server.provision(database, schema, schema + "_svc",
                    passwords.getProperty(schema));
            String prefix = schema.toUpperCase(Locale.ROOT);
            env.append(prefix).append("_DB_URL=").append(db.jdbcUrl()).append('\n');
            env.append(prefix).append("_DB_USER=").append(db.username()).append('\n');
            env.append(prefix).append("_DB_PASSWORD=").append(db.password()).append('\n');
        }
        Path envFile = dir.resolve("postgres.env");
        Files.writeString(envFile, env.toString());
        Files.setPosixFilePermissions(envFile, PosixFilePermissions.fromString("rw-------"));
        System.out.println("Schemas ready: " + String.join(", ", schemas) + " (settings in " + envFile + ")");
        if (server.description().startsWith("embedded")) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    System.err.println("stopping PostgreSQL: " + e.getMessage());
                }
                stopped.countDown();
            }));
            System.out.println("Serving the embedded PostgreSQL until this process is stopped.");
            stopped.await();
        }
    }

    private static Properties loadOrCreatePasswords(Path file, List<String> schemas) throws IOException {
        Properties passwords = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                passwords.load(in);
            }
        }
        SecureRandom random = new SecureRandom();
        for (String schema : schemas) {
            if (!passwords.containsKey(schema)) {
                byte[] bytes = new byte[18];
                random.nextBytes(bytes);
                passwords.setProperty(schema, HexFormat.of().formatHex(bytes));
            }
        }
        try (var out = Files.newOutputStream(file)) {
            passwords.store(out, "generated per local stack; not used anywhere else");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return passwords;
    }

    static String token(List<String> args) {
        Map<String, String> options = new HashMap<>();
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                usage();
            }
            String value = args.get(++i);
            if (name.equals("--role")) {
                roles.addAll(List.of(value.split(",")));
            } else {
                options.put(name.substring(2), value);
            }
        }
        if (roles.isEmpty()) {
            usage();
        }
        String region = options.get("region");
        String subject = options.getOrDefault("subject",
                String.join("+", roles) + (region == null ? "" : "-" + region));
        DevTokens.Caller caller = new DevTokens.Caller(subject, roles, options.get("region"), options.get("agency"),
                options.get("worker"));
        return DevTokens.mint(caller, Duration.ofHours(Long.parseLong(options.getOrDefault("hours", "12"))));
    }

    private static void requireArgs(String[] args, int count) {
        if (args.length < count) {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: InfraCli kafka-start DIR PORT | kafka-stop DIR | postgres DIR PORT DB SCHEMA... | postgres-drop DIR DB "
                + "| token --role ROLE[,ROLE] [--region CODE] [--agency UUID] [--worker UUID] [--subject S] [--hours H]");
        System.exit(2);
    }
}
