package org.socialwork.infra.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

/**
 * What the outbox holds, read in SQL over the service's schema: the rows per aggregate key and
 * event type, sent or not (the relay only marks rows sent; the purge removes none younger than the
 * retention), and the rows whose aggregate does not exist.
 */
public final class OutboxLedger {

    private OutboxLedger() {
    }

    /** Outbox rows per {@code key|type} for the aggregate keys given. */
    public static Map<String, Long> rowsByKeyAndType(DataSource dataSource, Collection<String> keys) {
        return counts(dataSource, """
                select event_key || '|' || event_type, count(*) from outbox_event
                where event_key = any(?) group by event_key, event_type""", keys);
    }

    /** Waits until the relay has marked every outbox row of these keys sent (it marks them; it deletes none). */
    public static void awaitRelayed(DataSource dataSource, Collection<String> keys) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> unsent(dataSource, keys) == 0);
    }

    /** Outbox rows of these keys the relay has not marked sent yet. */
    public static long unsent(DataSource dataSource, Collection<String> keys) {
        Map<String, Long> rows = counts(dataSource,
                "select 'unsent', count(*) from outbox_event where event_key = any(?) and sent_at is null", keys);
        return rows.getOrDefault("unsent", 0L);
    }

    /**
     * Outbox rows on {@code topic} with no aggregate row: {@code aggregateExists} is an SQL condition
     * over {@code o.event_key}, e.g. {@code exists (select 1 from station s where s.id::text = o.event_key)}.
     */
    public static long orphans(DataSource dataSource, String topic, String aggregateExists) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select count(*) from outbox_event o where o.topic = ? and not (" + aggregateExists + ")")) {
            q.setString(1, topic);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code sql} takes one text[] parameter and answers (key, count) rows. */
    public static Map<String, Long> counts(DataSource dataSource, String sql, Collection<String> keys) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** {@code sql} takes one text[] parameter and answers (key, text) rows. */
    public static Map<String, String> texts(DataSource dataSource, String sql, Collection<String> keys) {
        Map<String, String> texts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    texts.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    /**
     * The keys on which {@code expected} and {@code found} differ, each with both values ("expected
     * 2, found 3"; a missing key reads as none), so that a failure names the few aggregates that
     * broke instead of printing thousands that did not.
     */
    public static <K, V> Map<String, String> differences(Map<K, V> expected, Map<K, V> found) {
        Map<String, String> differences = new TreeMap<>();
        Set<K> keys = new HashSet<>(expected.keySet());
        keys.addAll(found.keySet());
        for (K key : keys) {
            V want = expected.get(key);
            V got = found.get(key);
            if (!Objects.equals(want, got)) {
                differences.put(String.valueOf(key),
                        "expected " + (want == null ? "none" : want) + ", found " + (got == null ? "none" : got));
            }
        }
        return differences;
    }
}
