package org.socialwork.projects.period;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.common.SqlArrays;

/**
 * Whether a service record may change: not when its station's region lies in a period that
 * reporting-service locked, unless the bureau granted an exception for the record or for the
 * station and period. A record's date is the business day of its instant, the day by which
 * reporting-service cuts its periods.
 */
@ApplicationScoped
public class PeriodLocks {

    @Inject
    BusinessClock clock;

    @Inject
    EntityManager em;

    /** A locked period. */
    public record Lock(String regionCode, LocalDate start, LocalDate end) {

        boolean covers(String stationRegion, LocalDate day) {
            return stationRegion.startsWith(regionCode) && !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /** An exception granted by the bureau. */
    public record Exemption(UUID recordId, UUID stationId, LocalDate start, LocalDate end) {

        boolean covers(UUID record, UUID station, LocalDate day) {
            if (recordId != null) {
                return recordId.equals(record);
            }
            return stationId.equals(station) && !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /** The locks and exceptions that matter for a set of records, loaded with two queries. */
    public final class Snapshot {

        private final List<Lock> locks;
        private final List<Exemption> exemptions;

        Snapshot(List<Lock> locks, List<Exemption> exemptions) {
            this.locks = locks;
            this.exemptions = exemptions;
        }

        /** Throws a {@link ProblemType#PERIOD_LOCKED} problem when a record at that station and time may not change. */
        public void requireOpen(UUID recordId, UUID stationId, String stationRegion, OffsetDateTime occurredAt) {
            LocalDate day = clock.dayOf(occurredAt);
            for (Lock lock : locks) {
                if (lock.covers(stationRegion, day)
                        && exemptions.stream().noneMatch(e -> e.covers(recordId, stationId, day))) {
                    throw Problems.of(ProblemType.PERIOD_LOCKED, "record.period-locked", lock.regionCode(), lock.start(), lock.end());
                }
            }
        }
    }

    /** Locks relevant to records of stations in {@code stationRegions}, and exceptions for those records or stations. */
    public Snapshot snapshot(Collection<String> stationRegions, Collection<UUID> recordIds, Collection<UUID> stationIds) {
        Set<String> prefixes = new HashSet<>();
        for (String region : stationRegions) {
            for (int length : new int[] {2, 4, 6, 9, 12}) {
                if (region.length() >= length) {
                    prefixes.add(region.substring(0, length));
                }
            }
        }
        List<Lock> locks = new ArrayList<>();
        if (!prefixes.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "select region_code, period_start, period_end from period_lock where locked and region_code = any(cast(?1 as text[]))")
                    .setParameter(1, "{" + String.join(",", prefixes) + "}").getResultList();
            for (Object[] r : rows) {
                locks.add(new Lock((String) r[0], date(r[1]), date(r[2])));
            }
        }
        List<Exemption> exemptions = new ArrayList<>();
        if (!locks.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select record_id, station_id, period_start, period_end from lock_exception
                    where record_id = any(cast(?1 as uuid[])) or station_id = any(cast(?2 as uuid[]))""")
                    .setParameter(1, SqlArrays.uuids(recordIds)).setParameter(2, SqlArrays.uuids(stationIds))
                    .getResultList();
            for (Object[] r : rows) {
                exemptions.add(new Exemption((UUID) r[0], (UUID) r[1], date(r[2]), date(r[3])));
            }
        }
        return new Snapshot(locks, exemptions);
    }

    public void requireOpen(UUID recordId, UUID stationId, String stationRegion, OffsetDateTime occurredAt) {
        snapshot(List.of(stationRegion), List.of(recordId), List.of(stationId))
                .requireOpen(recordId, stationId, stationRegion, occurredAt);
    }


    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
