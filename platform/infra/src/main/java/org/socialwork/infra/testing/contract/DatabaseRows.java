package org.socialwork.infra.testing.contract;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.inject.spi.CDI;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Row counts of every table of a service's schema, outbox and idempotency records included: the
 * evidence that a refused request wrote nothing. Counted, not estimated.
 */
public final class DatabaseRows {

    private final DataSource dataSource;
    private final String schema;

    public DatabaseRows(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** The tables of the application under test: its datasource, in the schema its migrations own. */
    public static DatabaseRows ofApplication() {
        return new DatabaseRows(CDI.current().select(DataSource.class).get(),
                ConfigProvider.getConfig().getValue("quarkus.flyway.default-schema", String.class));
    }

    public Map<String, Long> count() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables where table_schema = '"
                    + schema.replace("'", "''") + "' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select count(*) from \"" + schema + "\".\"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of schema " + schema, e);
        }
        return counts;
    }

    /** The tables whose count differs, as "table before→after". */
    public static List<String> changes(Map<String, Long> before, Map<String, Long> after) {
        List<String> changes = new ArrayList<>();
        for (var entry : after.entrySet()) {
            long was = before.getOrDefault(entry.getKey(), 0L);
            if (was != entry.getValue()) {
                changes.add(entry.getKey() + " " + was + "→" + entry.getValue());
            }
        }
        return changes;
    }
}
