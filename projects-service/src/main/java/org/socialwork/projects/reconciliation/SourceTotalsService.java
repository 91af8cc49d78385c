package org.socialwork.projects.reconciliation;

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
import org.socialwork.platform.time.CalendarPeriod;

/**
 * The service records of a region subtree and period as this service holds them, counted the way
 * reporting's rollups count them: each record once, at its current revision (a correction replaces
 * the revision it corrects, there is no deletion), on the business day (China) it happened, at the
 * region of its station.
 */
@ApplicationScoped
public class SourceTotalsService {

    static final String SOURCE = "projects-service";

    @Inject
    EntityManager em;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Transactional
    public SourceTotals totals(String requestedRegion, CalendarPeriod period) {
        Optional<String> region = SourceScope.region(caller, requestedRegion);
        // Nothing here writes; a read-only transaction lets the database refuse anything that would.
        em.createNativeQuery("set transaction read only").executeUpdate();
        NativeSql sql = new NativeSql().append("""
                select type, count(*), coalesce(sum(duration_minutes), 0), coalesce(sum(participant_count), 0)
                from service_record where occurred_at >= :from and occurred_at < :to""")
                .bind("from", period.startsAt(clock.zone())).bind("to", period.endsBefore(clock.zone()));
        region.ifPresent(code -> sql.appendInSubtree(" and ", "station_region_code", "region", code));
        sql.append(" group by type");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bindTo(em.createNativeQuery(sql.sql())).getResultList();
        long records = 0;
        long minutes = 0;
        long participants = 0;
        Map<String, Long> byType = new TreeMap<>();
        for (Object[] row : rows) {
            long count = ((Number) row[1]).longValue();
            records += count;
            minutes += ((Number) row[2]).longValue();
            participants += ((Number) row[3]).longValue();
            byType.put("serviceRecords.byType." + row[0], count);
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("serviceRecords", records);
        totals.putAll(byType);
        totals.put("serviceMinutes", minutes);
        totals.put("serviceParticipants", participants);
        return new SourceTotals(SOURCE, region.orElse(null), SourceTotals.Period.of(period), clock.now(),
                SourceTotals.of(totals));
    }
}
