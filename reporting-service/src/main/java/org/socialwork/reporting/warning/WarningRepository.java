package org.socialwork.reporting.warning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.socialwork.platform.sql.NativeSql;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WarningRepository implements PanacheRepositoryBase<Warning, UUID> {

    public Warning findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Warning> unresolved() {
        return list("status <> 'RESOLVED'");
    }

    /** Warnings of the subtree of {@code region}, newest first. */
    public List<Warning> inSubtree(String region, String status, String kind, int limit) {
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
        return find(query + " order by raisedAt desc, id", params).page(0, limit).list();
    }
}
