package org.socialwork.reporting.reconciliation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.platform.sql.NativeSql;
import org.socialwork.reporting.dashboard.DashboardService;
import org.socialwork.reporting.dashboard.Period;
import org.socialwork.reporting.dashboard.RegionRef;
import org.socialwork.reporting.dashboard.RegionScope;
import org.socialwork.reporting.readmodel.Generations;
import org.socialwork.reporting.readmodel.Measure;
import org.socialwork.reporting.support.Jdbc;

/**
 * The figures the producers count, computed from reporting's own read models and rollups the way
 * the dashboards read them, under the same measure names as the producers' source totals.
 */
@ApplicationScoped
public class RollupTotals {

    @Inject
    Jdbc jdbc;

    @Inject
    DashboardService dashboards;

    @Inject
    Generations generations;

    @Inject
    RegionScope scope;

    /** The active generation and the region as the caller may read it there. */
    public record Resolved(int gen, RegionRef region) {
    }

    @Transactional
    public Resolved resolve(String regionCode) {
        int gen = generations.active();
        return new Resolved(gen, scope.readable(gen, regionCode));
    }

    /** Stations of the subtree by level and status, from the station read model (the network dashboard's counts). */
    @Transactional
    public Map<String, Long> stations(int gen, RegionRef region) {
        Map<String, Long> byLevel = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> both = new TreeMap<>();
        long[] total = new long[1];
        jdbc.query("""
                select level, status, count(*) from rm_station where gen = ? and region_code >= ? and region_code < ?
                group by level, status""",
                rs -> {
                    long count = rs.getLong(3);
                    total[0] += count;
                    byLevel.merge("stations.byLevel." + rs.getString(1), count, Long::sum);
                    byStatus.merge("stations.byStatus." + rs.getString(2), count, Long::sum);
                    both.merge("stations.byLevelAndStatus." + rs.getString(1) + "." + rs.getString(2), count, Long::sum);
                    return null;
                }, gen, region.code(), NativeSql.subtreeEnd(region.code()));
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("stations", total[0]);
        totals.putAll(byLevel);
        totals.putAll(byStatus);
        totals.putAll(both);
        return totals;
    }

    /**
     * Workers with an active assignment at a station of the subtree, once each: by status, and
     * those who have not left (the workforce dashboard's workers) by category and qualification.
     */
    @Transactional
    public Map<String, Long> workers(int gen, RegionRef region) {
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byQualification = new TreeMap<>();
        long[] workforce = new long[1];
        jdbc.query("""
                select w.status, w.category, w.qualification_level, count(*) from rm_worker w
                where w.gen = ? and exists (select 1 from rm_assignment a where a.gen = w.gen and a.worker_id = w.id
                  and a.status = 'ACTIVE' and a.station_region_code >= ? and a.station_region_code < ?)
                group by 1, 2, 3""",
                rs -> {
                    long count = rs.getLong(4);
                    byStatus.merge("workers.byStatus." + rs.getString(1), count, Long::sum);
                    if (!"LEFT".equals(rs.getString(1))) {
                        workforce[0] += count;
                        byCategory.merge("workforce.byCategory." + rs.getString(2), count, Long::sum);
                        byQualification.merge("workforce.byQualificationLevel." + rs.getString(3), count, Long::sum);
                    }
                    return null;
                }, gen, region.code(), NativeSql.subtreeEnd(region.code()));
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("workforce.workers", workforce[0]);
        totals.putAll(byCategory);
        totals.putAll(byQualification);
        totals.putAll(byStatus);
        return totals;
    }

    /** Service records of the subtree in the period, from the day and month rollups (the service-output dashboard's sums). */
    @Transactional
    public Map<String, Long> serviceRecords(int gen, RegionRef region, Period period) {
        Map<String, Long> rollup = dashboards.sum(gen, region.code().length(), region.code(), null, period)
                .getOrDefault(region.code(), Map.of());
        Map<String, Long> byType = new TreeMap<>();
        rollup.forEach((measure, value) -> {
            if (!measure.startsWith(Measure.CATEGORY_PREFIX) && !measure.equals(Measure.RECORDS)
                    && !measure.equals(Measure.SERVICE_MINUTES) && !measure.equals(Measure.PARTICIPANTS) && value != 0) {
                byType.put("serviceRecords.byType." + measure, value);
            }
        });
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("serviceRecords", rollup.getOrDefault(Measure.RECORDS, 0L));
        totals.putAll(byType);
        totals.put("serviceMinutes", rollup.getOrDefault(Measure.SERVICE_MINUTES, 0L));
        totals.put("serviceParticipants", rollup.getOrDefault(Measure.PARTICIPANTS, 0L));
        return totals;
    }
}
