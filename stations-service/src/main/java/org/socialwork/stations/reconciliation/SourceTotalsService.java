package org.socialwork.stations.reconciliation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.socialwork.platform.reconciliation.SourceScope;
import org.socialwork.platform.reconciliation.SourceTotals;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.time.BusinessClock;

/**
 * The stations of a region subtree as this service holds them now, counted the way reporting's
 * station read model is counted (one row per station, whatever its status), so that the two can
 * be compared after an incident.
 */
@ApplicationScoped
public class SourceTotalsService {

    static final String SOURCE = "stations-service";

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
        // One pass over the region index: the subtree is the key range [code, code + ':').
        Query query = em.createNativeQuery("select level, status, count(*) from station"
                + (region.isPresent() ? " where region_code >= ?1 and region_code < ?2" : "") + " group by level, status");
        region.ifPresent(code -> query.setParameter(1, code).setParameter(2, NativeSql.subtreeEnd(code)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Long> byLevel = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byLevelAndStatus = new TreeMap<>();
        long stations = 0;
        for (Object[] row : rows) {
            long count = ((Number) row[2]).longValue();
            stations += count;
            byLevel.merge("stations.byLevel." + row[0], count, Long::sum);
            byStatus.merge("stations.byStatus." + row[1], count, Long::sum);
            byLevelAndStatus.merge("stations.byLevelAndStatus." + row[0] + "." + row[1], count, Long::sum);
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("stations", stations);
        totals.putAll(byLevel);
        totals.putAll(byStatus);
        totals.putAll(byLevelAndStatus);
        return new SourceTotals(SOURCE, region.orElse(null), null, clock.now(), SourceTotals.of(totals));
    }
}
