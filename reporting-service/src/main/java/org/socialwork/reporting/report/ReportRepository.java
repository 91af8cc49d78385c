package org.socialwork.reporting.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.web.Cursor;
import org.socialwork.reporting.dashboard.PeriodType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public Report findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Report find(String regionCode, PeriodType type, LocalDate start) {
        return find("regionCode = ?1 and periodType = ?2 and periodStart = ?3", regionCode, type, start).firstResult();
    }

    /**
     * Reports of the subtree of {@code region}, newest period first by (periodStart desc,
     * regionCode, id), from after {@code after} when given.
     */
    public List<Report> inSubtree(String region, PeriodType type, ReportStatus status, Cursor after, int limit) {
        StringBuilder query = new StringBuilder("regionCode >= :from and regionCode < :to");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("from", region);
        params.put("to", NativeSql.subtreeEnd(region));
        if (type != null) {
            query.append(" and periodType = :type");
            params.put("type", type);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (after != null) {
            query.append(" and (periodStart < :afterStart or (periodStart = :afterStart and (regionCode > :afterRegion"
                    + " or (regionCode = :afterRegion and id > :afterId))))");
            try {
                params.put("afterStart", LocalDate.parse(after.key(0)));
                params.put("afterRegion", after.key(1));
                params.put("afterId", UUID.fromString(after.key(2)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw Problems.of(ProblemType.INVALID_CURSOR, "problem.invalid-cursor.detail");
            }
        }
        return find(query + " order by periodStart desc, regionCode, id", params).page(0, limit).list();
    }

    static Cursor cursorOf(ReportView view) {
        return Cursor.of(view.periodStart().toString(), view.regionCode(), view.id().toString());
    }

    public List<Report> forPeriod(String region, PeriodType type, LocalDate start) {
        return list("regionCode >= ?1 and regionCode < ?2 and periodType = ?3 and periodStart = ?4", region,
                NativeSql.subtreeEnd(region), type, start);
    }
}
