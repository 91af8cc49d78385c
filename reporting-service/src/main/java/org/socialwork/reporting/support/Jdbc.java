package org.socialwork.reporting.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the current Hibernate session (so inside the caller's
 * transaction): read-model upserts bind uuid and text arrays, which JPA native queries do not
 * bind portably, and the dashboards read wide aggregate rows.
 */
@ApplicationScoped
public class Jdbc {

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @Inject
    EntityManager em;

    public int update(String sql, Object... args) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(c, ps, args);
                return ps.executeUpdate();
            }
        });
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(c, ps, args);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                }
                return rows;
            }
        });
    }

    public <T> T one(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static void bind(Connection c, PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof UUID[] uuids) {
                Array array = c.createArrayOf("uuid", uuids);
                ps.setArray(i + 1, array);
            } else if (arg instanceof String[] texts) {
                ps.setArray(i + 1, c.createArrayOf("text", texts));
            } else if (arg instanceof Integer[] ints) {
                ps.setArray(i + 1, c.createArrayOf("int4", ints));
            } else if (arg instanceof Long[] longs) {
                ps.setArray(i + 1, c.createArrayOf("int8", longs));
            } else if (arg instanceof java.sql.Date[] dates) {
                ps.setArray(i + 1, c.createArrayOf("date", dates));
            } else if (arg instanceof java.time.LocalDate date) {
                ps.setObject(i + 1, date);
            } else {
                ps.setObject(i + 1, arg);
            }
        }
    }
}
