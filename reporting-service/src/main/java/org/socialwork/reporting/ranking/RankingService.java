package org.socialwork.reporting.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.reporting.dashboard.DashboardService;
import org.socialwork.reporting.dashboard.DashboardViews.PeriodView;
import org.socialwork.reporting.dashboard.Period;
import org.socialwork.reporting.dashboard.RegionRef;
import org.socialwork.reporting.dashboard.RegionScope;
import org.socialwork.reporting.readmodel.AppliedClock;
import org.socialwork.reporting.readmodel.Generations;
import org.socialwork.reporting.readmodel.Measure;
import org.socialwork.reporting.support.Jdbc;

/**
 * Rankings of the child regions or the stations of a region for a period, by a service-output
 * measure (from the rollups), township coverage or average evaluation score, raw or per
 * operating station or per active worker, with the rank change from the previous period.
 */
@ApplicationScoped
public class RankingService {

    /** Measures that rank: the rollup measures, plus coverage and evaluation score (child regions only). */
    static final Set<String> ROLLUP_MEASURES = Set.of(Measure.RECORDS, "VISIT", "CASE_SESSION", "GROUP_SESSION",
            "COMMUNITY_ACTIVITY", "CONSULTATION", "REFERRAL", "RESOURCE_LINKAGE", Measure.SERVICE_MINUTES,
            Measure.PARTICIPANTS);
    static final String COVERAGE = "TOWNSHIP_COVERAGE";
    static final String EVALUATION_SCORE = "EVALUATION_SCORE";

    @Inject
    Jdbc jdbc;

    @Inject
    Generations generations;

    @Inject
    RegionScope scope;

    @Inject
    DashboardService dashboards;

    @Inject
    AppliedClock clock;

    @Transactional
    public Ranking rank(String regionCode, Period period, String subjects, String measure, String normalise) {
        int gen = generations.active();
        RegionRef region = scope.readable(gen, regionCode);
        boolean stations = "STATIONS".equals(subjects);
        if (!stations && !"CHILD_REGIONS".equals(subjects)) {
            throw Problems.invalidField("subjects", "reporting.ranking.subjects", subjects);
        }
        if (!ROLLUP_MEASURES.contains(measure) && !(!stations && (COVERAGE.equals(measure) || EVALUATION_SCORE.equals(measure)))) {
            throw Problems.invalidField("measure", "reporting.ranking.measure", measure);
        }
        if (!List.of("NONE", "PER_STATION", "PER_WORKER").contains(normalise)) {
            throw Problems.invalidField("normalise", "reporting.ranking.normalise", normalise);
        }
        if (!stations && region.childLength() == 0) {
            throw Problems.invalidField("region", "reporting.ranking.no-children", region.code());
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, long[]> sizes = new HashMap<>();
        subjects(gen, region, stations, names, sizes);
        Map<String, BigDecimal> current = values(gen, region, stations, measure, period, names.keySet());
        Map<String, BigDecimal> previous = values(gen, region, stations, measure, period.previous(), names.keySet());
        // A previous period without a single figure ranks nobody: every subject would tie first and
        // then look "dropped", when in truth there is nothing to compare with.
        boolean previousHasData = previous.values().stream().anyMatch(v -> v.signum() != 0);
        Map<String, Integer> previousRanks = previousHasData ? ranks(normalised(previous, sizes, normalise)) : Map.of();
        Map<String, BigDecimal> ranked = normalised(current, sizes, normalise);
        Map<String, Integer> ranks = ranks(ranked);
        List<Ranking.Row> rows = new ArrayList<>();
        ranks.forEach((id, rank) -> {
            Integer before = previousRanks.get(id);
            long[] size = sizes.getOrDefault(id, new long[2]);
            rows.add(new Ranking.Row(rank, before, before == null ? null : before - rank, id, names.get(id),
                    current.get(id), size[0], size[1], ranked.get(id)));
        });
        return new Ranking(region, PeriodView.of(period), PeriodView.of(period.previous()), subjects, measure, normalise,
                clock.asOf(), rows);
    }

    /** The subjects with their names, and per subject [operating stations, active workers]. */
    private void subjects(int gen, RegionRef region, boolean stations, Map<String, String> names,
            Map<String, long[]> sizes) {
        String code = region.code();
        String end = NativeSql.subtreeEnd(code);
        if (stations) {
            jdbc.query("""
                    select s.id::text, s.name, (select count(distinct a.worker_id) from rm_assignment a
                      where a.gen = s.gen and a.station_id = s.id and a.status = 'ACTIVE')
                    from rm_station s where s.gen = ? and s.region_code >= ? and s.region_code < ? and s.status = 'OPERATING'
                    order by s.id""",
                    rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                        sizes.put(rs.getString(1), new long[] {1, rs.getLong(3)});
                        return null;
                    }, gen, code, end);
            return;
        }
        int child = region.childLength();
        jdbc.query("select code, name from rm_region where gen = ? and code >= ? and code < ? and length(code) = ? and not retired order by code",
                rs -> names.put(rs.getString(1), rs.getString(2)), gen, code, end, child);
        jdbc.query("""
                select left(region_code, ?), count(*) from rm_station where gen = ? and region_code >= ? and region_code < ?
                  and status = 'OPERATING' and length(region_code) >= ? group by 1""",
                rs -> sizes.computeIfAbsent(rs.getString(1), k -> new long[2])[0] = rs.getLong(2),
                child, gen, code, end, child);
        jdbc.query("""
                select left(station_region_code, ?), count(distinct worker_id) from rm_assignment where gen = ?
                  and station_region_code >= ? and station_region_code < ? and status = 'ACTIVE'
                  and length(station_region_code) >= ? group by 1""",
                rs -> sizes.computeIfAbsent(rs.getString(1), k -> new long[2])[1] = rs.getLong(2),
                child, gen, code, end, child);
    }

    private Map<String, BigDecimal> values(int gen, RegionRef region, boolean stations, String measure, Period period,
            Set<String> ids) {
        Map<String, BigDecimal> values = new HashMap<>();
        if (COVERAGE.equals(measure)) {
            // Coverage is a state: a period ranks on its last day, the previous period on its own last day.
            dashboards.coverageOf(gen, region, period).children().forEach(c -> {
                if (c.coverage().townshipCoverage() != null) {
                    values.put(c.code(), c.coverage().townshipCoverage());
                }
            });
        } else if (EVALUATION_SCORE.equals(measure)) {
            int child = region.childLength();
            jdbc.query("""
                    select left(purchaser_region_code, ?), avg(score) from rm_evaluation where gen = ? and status = 'COMPLETED'
                      and score is not null and purchaser_region_code >= ? and purchaser_region_code < ?
                      and length(purchaser_region_code) >= ? and completed_on between ? and ? group by 1""",
                    rs -> values.put(rs.getString(1), rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP)),
                    child, gen, region.code(), NativeSql.subtreeEnd(region.code()), child, period.start(), period.end());
        } else {
            Map<String, Map<String, Long>> sums = stations
                    ? dashboards.sumScopes(gen, 0, ids.toArray(String[]::new), period)
                    : dashboards.sum(gen, region.childLength(), region.code(), NativeSql.subtreeEnd(region.code()), period);
            for (String id : ids) {
                long value = sums.getOrDefault(id, Map.of()).getOrDefault(measure, 0L);
                values.put(id, BigDecimal.valueOf(value));
            }
        }
        values.keySet().retainAll(ids);
        return values;
    }

    private static Map<String, BigDecimal> normalised(Map<String, BigDecimal> raw, Map<String, long[]> sizes,
            String normalise) {
        if ("NONE".equals(normalise)) {
            return raw;
        }
        int index = "PER_STATION".equals(normalise) ? 0 : 1;
        Map<String, BigDecimal> result = new HashMap<>();
        raw.forEach((id, value) -> {
            long size = sizes.getOrDefault(id, new long[2])[index];
            if (size > 0) {
                result.put(id, value.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP));
            }
        });
        return result;
    }

    /** Competition ranking (1, 2, 2, 4), highest value first, ties in id order. */
    static Map<String, Integer> ranks(Map<String, BigDecimal> values) {
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean tie = i > 0 && sorted.get(i).getValue().compareTo(sorted.get(i - 1).getValue()) == 0;
            ranks.put(sorted.get(i).getKey(), tie ? ranks.get(sorted.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }
}
