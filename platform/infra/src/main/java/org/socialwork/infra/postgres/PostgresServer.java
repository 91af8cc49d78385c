package org.socialwork.infra.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server that the tests and the local stack use, found in this order:
 * <ol>
 * <li>the environment: {@code SOCIALWORK_PG_URL} (a JDBC URL of an administrative database) with
 * {@code SOCIALWORK_PG_USER} and {@code SOCIALWORK_PG_PASSWORD}, or libpq's {@code PGHOST},
 * {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD};</li>
 * <li>a server answering on 127.0.0.1:5432 that accepts {@code PGUSER}/{@code PGPASSWORD}
 * (default postgres/postgres);</li>
 * <li>an embedded PostgreSQL (real binaries unpacked from Maven Central) in a directory of ours.</li>
 * </ol>
 * {@link #description()} says which one is in use, so that test and start-up output can show it.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String adminDatabase;
    private final String adminUser;
    private final String adminPassword;
    private final String description;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String adminDatabase, String adminUser, String adminPassword,
            String description, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.adminDatabase = adminDatabase;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.description = description;
        this.embedded = embedded;
    }

    /** The configured or local server if there is one, otherwise an embedded server in {@code embeddedDir}. */
    public static PostgresServer obtain(Path embeddedDir, int embeddedPort) {
        return fromEnvironment(System.getenv())
                .or(PostgresServer::localServer)
                .orElseGet(() -> embedded(embeddedDir, embeddedPort));
    }

    static Optional<PostgresServer> fromEnvironment(Map<String, String> env) {
        String url = env.get("SOCIALWORK_PG_URL");
        if (url != null && !url.isBlank()) {
            var matcher = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(url);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("SOCIALWORK_PG_URL must look like jdbc:postgresql://host:port/database, got " + url);
            }
            int port = matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
            return Optional.of(new PostgresServer(matcher.group(1), port, matcher.group(3),
                    env.getOrDefault("SOCIALWORK_PG_USER", "postgres"), env.getOrDefault("SOCIALWORK_PG_PASSWORD", ""),
                    "PostgreSQL from SOCIALWORK_PG_URL (" + url + ")", null));
        }
        String pgHost = env.get("PGHOST");
        if (pgHost != null && !pgHost.isBlank()) {
            int port = Integer.parseInt(env.getOrDefault("PGPORT", "5432"));
            return Optional.of(new PostgresServer(pgHost, port, env.getOrDefault("PGDATABASE", "postgres"),
                    env.getOrDefault("PGUSER", "postgres"), env.getOrDefault("PGPASSWORD", ""),
                    "PostgreSQL from PGHOST (" + pgHost + ":" + port + ")", null));
        }
        return Optional.empty();
    }

    private static Optional<PostgresServer> localServer() {
        if (!answers("127.0.0.1", 5432)) {
            return Optional.empty();
        }
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        String password = System.getenv().getOrDefault("PGPASSWORD", "postgres");
        PostgresServer candidate = new PostgresServer("127.0.0.1", 5432, "postgres", user, password,
                "local PostgreSQL on 127.0.0.1:5432 as " + user, null);
        try (Connection ignored = candidate.adminConnection()) {
            return Optional.of(candidate);
        } catch (SQLException e) {
            System.err.println("[socialwork] a PostgreSQL answers on 127.0.0.1:5432 but refuses " + user
                    + " (" + e.getMessage() + "); set PGUSER/PGPASSWORD to use it. Using an embedded PostgreSQL instead.");
            return Optional.empty();
        }
    }

    private static PostgresServer embedded(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "postgres", "", 
                    "embedded PostgreSQL on 127.0.0.1:" + pg.getPort() + " (data in " + dataDir + ")", pg);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL in " + dataDir
                    + ": " + e.getMessage() + ". Install PostgreSQL or set SOCIALWORK_PG_URL.", e);
        }
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String description() {
        return description;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(adminDatabase), adminUser, adminPassword);
    }

    /**
     * Creates (or reuses) a database, a login role and a schema owned by that role, and nothing
     * else: the role can connect and use its own schema only. Safe to call again.
     */
    public ServiceDatabase provision(String database, String schema, String role, String password) {
        requireIdentifier(database);
        requireIdentifier(schema);
        requireIdentifier(role);
        try (Connection admin = adminConnection(); Statement st = admin.createStatement()) {
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                st.execute("CREATE DATABASE " + database);
            }
            if (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                st.execute("ALTER ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            } else {
                st.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
            st.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            st.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision database " + database + " on " + description, e);
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl(database), adminUser, adminPassword);
                Statement st = db.createStatement()) {
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
            st.execute("ALTER ROLE " + role + " IN DATABASE " + database + " SET search_path = " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision schema " + schema + " in " + database, e);
        }
        return new ServiceDatabase(jdbcUrl(database), schema, role, password);
    }

    /** Drops a database made by {@link #provision}, ending its sessions first. */
    public void drop(String database) {
        requireIdentifier(database);
        try (Connection admin = adminConnection(); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database + " on " + description, e);
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    /** Connection settings of one service's schema and role. */
    public record ServiceDatabase(String jdbcUrl, String schema, String username, String password) {
    }
}
