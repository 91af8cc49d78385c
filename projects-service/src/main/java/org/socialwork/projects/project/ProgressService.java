package org.socialwork.projects.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.common.SqlArrays;
import org.socialwork.projects.evaluation.EvaluationService;

/**
 * Actuals of a project's indicators, computed from its service records, and progress against the
 * pace expected for the elapsed share of the service period. SATISFACTION_RATE is not in the
 * records: it is the clients' score in the latest completed evaluation with a client-satisfaction
 * assessor, and null (not measured) before there is one.
 */
@ApplicationScoped
public class ProgressService {

    @Inject
    BusinessClock clock;

    @Inject
    ProjectService projects;

    @Inject
    EntityManager em;

    @Inject
    EvaluationService evaluations;

    /** One indicator: target, actual, what the pace expects by now, and whether the project keeps up. */
    public record IndicatorProgress(Indicator indicator, BigDecimal target, BigDecimal actual, BigDecimal expected,
            Boolean onPace) {
    }

    public record Progress(UUID projectId, LocalDate asOf, BigDecimal elapsedShare, List<IndicatorProgress> indicators) {
    }

    @Transactional
    public Progress progress(UUID projectId, LocalDate asOf) {
        Project p = projects.readable(projectId);
        LocalDate day = asOf.isAfter(p.periodEnd) ? p.periodEnd : asOf;
        long total = ChronoUnit.DAYS.between(p.periodStart, p.periodEnd) + 1;
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(p.periodStart, day) + 1));
        BigDecimal share = BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
        Map<Indicator, BigDecimal> actuals = actuals(p, p.periodStart, day.plusDays(1));
        List<IndicatorProgress> rows = projects.targets(p).stream().map(t -> {
            BigDecimal actual = actuals.get(t.indicator());
            boolean rate = t.indicator() == Indicator.SATISFACTION_RATE || t.indicator() == Indicator.KEY_CLIENT_VISIT_RATE;
            BigDecimal expected = rate ? t.target() : t.target().multiply(share).setScale(2, RoundingMode.HALF_UP);
            return new IndicatorProgress(t.indicator(), t.target(), actual, expected,
                    actual == null ? null : actual.compareTo(expected) >= 0);
        }).toList();
        return new Progress(p.id, day, share, rows);
    }

    /** Actual figures of records of {@code p} that occurred in [from, to) (business dates). */
    public Map<Indicator, BigDecimal> actuals(Project p, LocalDate from, LocalDate to) {
        OffsetDateTime start = clock.startOf(from);
        OffsetDateTime end = clock.startOf(to);
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*) filter (where type = 'VISIT'),
                       coalesce(sum(duration_minutes), 0),
                       count(*) filter (where type = 'CASE_SESSION'),
                       count(*) filter (where type = 'GROUP_SESSION'),
                       count(*) filter (where type = 'COMMUNITY_ACTIVITY'),
                       coalesce(sum(participant_count) filter (where cardinality(client_ids) = 0), 0),
                       (select count(distinct c) from service_record s, unnest(s.client_ids) c
                        where s.project_id = ?1 and s.occurred_at >= ?2 and s.occurred_at < ?3)
                from service_record where project_id = ?1 and occurred_at >= ?2 and occurred_at < ?3""")
                .setParameter(1, p.id).setParameter(2, start).setParameter(3, end).getSingleResult();
        Map<Indicator, BigDecimal> actuals = new EnumMap<>(Indicator.class);
        actuals.put(Indicator.VISITS, number(row[0]));
        actuals.put(Indicator.SERVICE_HOURS, number(row[1]).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
        actuals.put(Indicator.CASE_SESSIONS, number(row[2]));
        actuals.put(Indicator.GROUP_SESSIONS, number(row[3]));
        actuals.put(Indicator.COMMUNITY_ACTIVITIES, number(row[4]));
        actuals.put(Indicator.SERVED_PERSONS, number(row[5]).add(number(row[6])));
        actuals.put(Indicator.KEY_CLIENT_VISIT_RATE, keyClientVisitRate(p, to.minusDays(1)));
        actuals.put(Indicator.SATISFACTION_RATE, evaluations.clientSatisfaction(p.id, to.minusDays(1)).orElse(null));
        return actuals;
    }

    /**
     * Percent of the key and high-risk clients of the project's stations who received their required
     * visits in the month of {@code day}; null when the stations have no such client.
     */
    BigDecimal keyClientVisitRate(Project p, LocalDate day) {
        LocalDate monthStart = day.withDayOfMonth(1);
        OffsetDateTime start = clock.startOf(monthStart);
        OffsetDateTime end = clock.startOf(monthStart.plusMonths(1));
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), count(*) filter (where visits >= c.required_visits_per_month)
                from (select c.id, c.required_visits_per_month,
                             (select count(*) from service_record r where r.type = 'VISIT' and r.client_ids @> array[c.id]
                                  and r.occurred_at >= ?2 and r.occurred_at < ?3) as visits
                      from client c
                      where c.station_id = any(cast(?1 as uuid[])) and c.status = 'ACTIVE'
                        and c.risk_level in ('KEY', 'HIGH_RISK')) c""")
                .setParameter(1, SqlArrays.uuids(projects.stations(p))).setParameter(2, start).setParameter(3, end)
                .getSingleResult();
        long all = ((Number) row[0]).longValue();
        if (all == 0) {
            return null;
        }
        return BigDecimal.valueOf(((Number) row[1]).longValue() * 100).divide(BigDecimal.valueOf(all), 2,
                RoundingMode.HALF_UP);
    }

    private static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
