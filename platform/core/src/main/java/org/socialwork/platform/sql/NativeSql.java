package org.socialwork.platform.sql;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Query;

import org.socialwork.platform.web.Cursor;

/**
 * A native SQL statement assembled from optional filters, with named parameters so that no
 * request value is ever concatenated into the SQL text.
 */
public final class NativeSql {

    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    public NativeSql append(String text) {
        sql.append(text);
        return this;
    }

    /** Appends {@code text} (which names {@code :name}) and binds its value. */
    public NativeSql append(String text, String name, Object value) {
        sql.append(text);
        params.put(name, value);
        return this;
    }

    /** Appends another statement's text and parameters. */
    public NativeSql append(NativeSql other) {
        sql.append(other.sql);
        params.putAll(other.params);
        return this;
    }

    public NativeSql bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /**
     * Appends the keyset page of a change feed over {@code alias} ordered by (updated_at, id): the rows
     * after {@code cursor} (see {@link Persistence#changeFeedCursor}), at most {@code fetchSize} of them.
     * Integrators poll such feeds with {@code updatedSince}; an updated row moves to the end.
     */
    public NativeSql appendChangeFeedPage(String alias, Cursor cursor, int fetchSize) {
        return appendChangeFeedPage(alias, null, cursor, fetchSize);
    }

    /** The same, from {@code updatedSince} on (inclusive) when it is given: the poll of an integrator's change feed. */
    public NativeSql appendChangeFeedPage(String alias, java.time.OffsetDateTime updatedSince, Cursor cursor, int fetchSize) {
        if (updatedSince != null) {
            append(" and " + alias + ".updated_at >= :since", "since", updatedSince);
        }
        if (cursor != null) {
            append(" and (" + alias + ".updated_at, " + alias + ".id) > (:cursorAt, :cursorId)")
                    .bind("cursorAt", Persistence.cursorTime(cursor))
                    .bind("cursorId", Persistence.cursorId(cursor));
        }
        return append(" order by " + alias + ".updated_at, " + alias + ".id limit :limit", "limit", fetchSize);
    }

    public String sql() {
        return sql.toString();
    }

    public Query bindTo(Query query) {
        params.forEach(query::setParameter);
        return query;
    }

    /**
     * Appends {@code text} followed by "{@code column} lies in the subtree of division {@code code}",
     * as the key range [code, code + ':') rather than {@code LIKE 'code%'}: division codes are
     * digits and ':' sorts right after '9' in the "C" collation, and a range keeps using the
     * B-tree index with bound parameters, where a parameterised LIKE falls back to a scan once
     * PostgreSQL switches to a generic plan.
     */
    public NativeSql appendInSubtree(String text, String column, String name, String code) {
        sql.append(text).append('(').append(column).append(" >= :").append(name).append(" and ").append(column)
                .append(" < :").append(name).append("End)");
        params.put(name, code);
        params.put(name + "End", subtreeEnd(code));
        return this;
    }

    /**
     * The smallest key above every division code that starts with {@code code}: codes are digits and
     * ':' sorts right after '9' in the "C" collation, so the subtree of {@code code} is the key range
     * [code, subtreeEnd(code)). For queries written in HQL as well as native SQL.
     */
    public static String subtreeEnd(String code) {
        return code + ":";
    }
}
