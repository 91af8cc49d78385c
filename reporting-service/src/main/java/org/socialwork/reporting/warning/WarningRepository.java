package org.socialwork.reporting.warning;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.web.Cursor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WarningRepository implements PanacheRepositoryBase<Warning, UUID> {

    public Warning findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Warning> unresolved() {
        return list("status <> 'RESOLVED'");
    }

    /**
     * Warnings of the subtree of {@code region}, newest first by (raisedAt desc, id), from after
     * {@code after} when given (keyset: stable while new warnings are raised).
     */
    public List<Warning> inSubtree(String region, String status, String kind, Cursor after, int limit) {
        StringBuilder query = new StringBuilder("regionCode >= :from and regionCode < :to");
        Map<String, Object> params = new HashMap<>();
        params.put("from", region);
        params.put("to", NativeSql.subtreeEnd(region));
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (after != null) {
            query.append(" and (raisedAt < :afterAt or (raisedAt = :afterAt and id > :afterId))");
            try {
                params.put("afterAt", OffsetDateTime.parse(after.key(0)));
                params.put("afterId", UUID.fromString(after.key(1)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw Problems.of(ProblemType.INVALID_CURSOR, "problem.invalid-cursor.detail");
            }
        }
        return find(query + " order by raisedAt desc, id", params).page(0, limit).list();
    }

    static Cursor cursorOf(WarningView view) {
        return Cursor.of(view.raisedAt().toString(), view.id().toString());
    }
}
