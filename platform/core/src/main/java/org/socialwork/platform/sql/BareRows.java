package org.socialwork.platform.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The whole of what a bare endpoint does with the database: one prepared statement on a pooled
 * connection, each row as a map of column label to its text, so that JSON writing costs about what
 * a view record does and nothing else (no entity, no session, no transaction manager) is measured.
 * Used only by the services' benchmark endpoints, which exist in the bench build profile alone.
 */
public final class BareRows {

    private BareRows() {
    }

    public static List<Map<String, Object>> query(DataSource dataSource, String sql, Object... args) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rows(rs);
            }
        }
    }

    public static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                row.put(meta.getColumnLabel(i), value == null ? null : value.toString());
            }
            rows.add(row);
        }
        return rows;
    }
}
