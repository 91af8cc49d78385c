package org.socialwork.personnel.reconciliation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.reconciliation.SourceScope;
import org.socialwork.platform.reconciliation.SourceTotals;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.time.BusinessClock;

/**
 * The workers of a region subtree as this service holds them now, placed where reporting's
 * workforce dashboard places them: at the stations of their active assignments. A worker with
 * active assignments at several stations of the subtree counts once.
 */
@ApplicationScoped
public class SourceTotalsService {

    static final String SOURCE = "personnel-service";

    @Inject
    EntityManager em;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Transactional
    public SourceTotals totals(String requestedRegion) {
        Optional<String> region = SourceScope.region(caller, requestedRegion);
        // Nothing here writes; a read-only transaction lets the database refuse anything that would.
        em.createNativeQuery("set transaction read only").executeUpdate();
        // The collation matches the expression of the assignment_region index, so the subtree is one index range.
        NativeSql sql = new NativeSql().append("""
                select w.status, w.category, w.qualification_level, count(*) from worker w
                where exists (select 1 from assignment a where a.worker_id = w.id and a.status = 'ACTIVE'""");
        region.ifPresent(code -> sql.appendInSubtree(" and ", "a.station_region_code collate \"C\"", "region", code));
        sql.append(") group by 1, 2, 3");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bindTo(em.createNativeQuery(sql.sql())).getResultList();
        long workforce = 0;
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byQualification = new TreeMap<>();
        for (Object[] row : rows) {
            long count = ((Number) row[3]).longValue();
            byStatus.merge("workers.byStatus." + row[0], count, Long::sum);
            // The workforce dashboard counts the workers who have not left.
            if (!"LEFT".equals(row[0])) {
                workforce += count;
                byCategory.merge("workforce.byCategory." + (row[1] == null ? "NONE" : row[1]), count, Long::sum);
                byQualification.merge("workforce.byQualificationLevel." + row[2], count, Long::sum);
            }
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("workforce.workers", workforce);
        totals.putAll(byCategory);
        totals.putAll(byQualification);
        totals.putAll(byStatus);
        return new SourceTotals(SOURCE, region.orElse(null), null, clock.now(), SourceTotals.of(totals));
    }
}
