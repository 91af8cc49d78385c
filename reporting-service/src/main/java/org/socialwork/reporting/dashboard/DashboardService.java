package org.socialwork.reporting.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.reporting.dashboard.DashboardViews.Compliance;
import org.socialwork.reporting.dashboard.DashboardViews.ComplianceChild;
import org.socialwork.reporting.dashboard.DashboardViews.ComplianceDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.Coverage;
import org.socialwork.reporting.dashboard.DashboardViews.CoverageChild;
import org.socialwork.reporting.dashboard.DashboardViews.CoverageDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.EvaluationChild;
import org.socialwork.reporting.dashboard.DashboardViews.Evaluations;
import org.socialwork.reporting.dashboard.DashboardViews.EvaluationsDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.Figures;
import org.socialwork.reporting.dashboard.DashboardViews.Money;
import org.socialwork.reporting.dashboard.DashboardViews.MoneyChild;
import org.socialwork.reporting.dashboard.DashboardViews.Network;
import org.socialwork.reporting.dashboard.DashboardViews.NetworkChild;
import org.socialwork.reporting.dashboard.DashboardViews.OutputChild;
import org.socialwork.reporting.dashboard.DashboardViews.PeriodView;
import org.socialwork.reporting.dashboard.DashboardViews.ProjectsDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.SeriesPoint;
import org.socialwork.reporting.dashboard.DashboardViews.ServiceOutput;
import org.socialwork.reporting.dashboard.DashboardViews.StationCount;
import org.socialwork.reporting.dashboard.DashboardViews.TargetProgress;
import org.socialwork.reporting.dashboard.DashboardViews.Workforce;
import org.socialwork.reporting.dashboard.DashboardViews.WorkforceChild;
import org.socialwork.reporting.dashboard.DashboardViews.WorkforceDashboard;
import org.socialwork.reporting.readmodel.AppliedClock;
import org.socialwork.reporting.readmodel.CoverageWriter;
import org.socialwork.reporting.readmodel.Generations;
import org.socialwork.reporting.readmodel.Inbound;
import org.socialwork.reporting.readmodel.Measure;
import org.socialwork.reporting.support.Jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dashboards. Service output reads the day and month rollups only (never raw records), and
 * coverage the coverage rollups; the station counts of the network dashboard, workforce, money
 * and evaluations read the entity read models, which hold one row per station, worker, project
 * or evaluation.
 */
@ApplicationScoped
public class DashboardService {

    /** Periods whose distinct clients are kept as counters (the grains of {@code ru_client_distinct}). */
    private static final Set<PeriodType> COUNTED_GRAINS = EnumSet.of(PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR);

    @Inject
    Jdbc jdbc;

    @Inject
    Generations generations;

    @Inject
    AppliedClock clock;

    @Inject
    BusinessClock businessClock;

    @Inject
    RegionScope scope;

    @Inject
    CoverageTargetRepository targets;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public Network network(String regionCode, Integer year) {
        int gen = generations.active();
        RegionRef region = scope.readable(gen, regionCode);
        return network(gen, region, year == null ? businessClock.thisYear().getValue() : year);
    }

    /** The network dashboard of a region already resolved in scope, e.g. for a report. */
    public Network networkOf(int gen, RegionRef region, int year) {
        return network(gen, region, year);
    }

    /** The service output of a region already resolved in scope. */
    public ServiceOutput serviceOutputOf(int gen, RegionRef region, Period period) {
        return serviceOutput(gen, region, period);
    }

    Network network(int gen, RegionRef region, int year) {
        String code = region.code();
        int child = childLength(region);
        int group = child == 0 ? code.length() : child;
        LocalDate today = businessClock.today();
        LocalDate coverageOn = LocalDate.of(year, 12, 31).isAfter(today) ? today : LocalDate.of(year, 12, 31);
        Map<String, long[]> cover = coverageOn(gen, code, group, coverageOn);
        List<StationCount> byLevel = jdbc.query("""
                select level, status, count(*) from rm_station where gen = ? and region_code >= ? and region_code < ?
                group by level, status order by level, status""",
                rs -> new StationCount(rs.getString(1), rs.getString(2), rs.getLong(3)), gen, code, NativeSql.subtreeEnd(code));
        Map<String, long[]> stations = new TreeMap<>();
        jdbc.query("""
                select left(region_code, ?), count(*), count(*) filter (where status = 'OPERATING') from rm_station
                where gen = ? and region_code >= ? and region_code < ? and length(region_code) >= ? group by 1""",
                rs -> stations.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}),
                group, gen, code, NativeSql.subtreeEnd(code), group);
        long[] designations = jdbc.one("""
                select count(*) filter (where pilot), count(*) filter (where demonstration) from rm_station
                where gen = ? and region_code >= ? and region_code < ? and status <> 'CLOSED'""",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, gen, code, NativeSql.subtreeEnd(code));
        long[] total = total(cover);
        Map<String, String> names = names(gen, new ArrayList<>(union(cover.keySet(), stations.keySet())), child);
        List<NetworkChild> children = new ArrayList<>();
        for (Map.Entry<String, String> name : names.entrySet()) {
            long[] s = stations.getOrDefault(name.getKey(), new long[2]);
            children.add(new NetworkChild(name.getKey(), name.getValue(), s[0], s[1],
                    coverage(cover.getOrDefault(name.getKey(), new long[4]))));
        }
        return new Network(region, clock.asOf(), byLevel, coverageOn, coverage(total), progress(code, year, total),
                designations[0], designations[1], children);
    }

    @Transactional
    public CoverageDashboard coverage(String regionCode, Period period) {
        int gen = generations.active();
        return coverageOf(gen, scope.readable(gen, regionCode), period);
    }

    /**
     * Township and village-room coverage of a region and its children on the period's last day,
     * from the coverage rollups: no station or region rows are read.
     */
    public CoverageDashboard coverageOf(int gen, RegionRef region, Period period) {
        String code = region.code();
        int child = childLength(region);
        LocalDate on = period.endOrToday(businessClock.today());
        Map<String, long[]> cover = coverageOn(gen, code, child == 0 ? code.length() : child, on);
        long[] total = total(cover);
        List<CoverageChild> children = new ArrayList<>();
        names(gen, new ArrayList<>(cover.keySet()), child).forEach((c, name) -> children.add(
                new CoverageChild(c, name, coverage(cover.getOrDefault(c, new long[4])))));
        return new CoverageDashboard(region, PeriodView.of(period), on, clock.asOf(), coverage(total),
                progress(code, on.getYear(), total), children);
    }

    private TargetProgress progress(String code, int year, long[] total) {
        Coverage coverage = coverage(total);
        Integer target = targets.percentFor(code, year);
        return new TargetProgress(year, target,
                target == null || target == 0 || coverage.townshipCoverage() == null ? null
                        : coverage.townshipCoverage().multiply(BigDecimal.valueOf(100))
                                .divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_UP),
                target == null ? 0 : Math.max(0, (long) Math.ceil(total[0] * target / 100.0) - total[1]));
    }

    /**
     * Per scope of length {@code group} in the subtree of {@code code}: current townships, those
     * covered on {@code day}, current villages, those covered on {@code day}.
     */
    private Map<String, long[]> coverageOn(int gen, String code, int group, LocalDate day) {
        Map<String, long[]> cover = new TreeMap<>();
        jdbc.query("""
                select scope, kind, units, covered from ru_cover_units where gen = ? and level = ? and scope >= ? and scope < ?""",
                rs -> {
                    long[] v = cover.computeIfAbsent(rs.getString(1), k -> new long[4]);
                    int at = CoverageWriter.TOWNSHIP.equals(rs.getString(2)) ? 0 : 2;
                    v[at] = rs.getLong(3);
                    v[at + 1] = rs.getLong(4);
                    return null;
                },
                gen, group, code, NativeSql.subtreeEnd(code));
        // Covered on the day = covered now minus the changes after it: days up to the end of its
        // month, then whole months. Dashboards mostly ask about recent days, which have few changes after.
        LocalDate nextMonth = day.withDayOfMonth(1).plusMonths(1);
        jdbc.query("""
                select scope, kind, sum(delta) from (
                  select scope, kind, delta from ru_cover_day where gen = ? and level = ? and scope >= ? and scope < ?
                    and day > ? and day < ?
                  union all
                  select scope, kind, delta from ru_cover_month where gen = ? and level = ? and scope >= ? and scope < ?
                    and month >= ?) later
                group by scope, kind""",
                rs -> cover.computeIfAbsent(rs.getString(1), k -> new long[4])[
                        CoverageWriter.TOWNSHIP.equals(rs.getString(2)) ? 1 : 3] -= rs.getLong(3),
                gen, group, code, NativeSql.subtreeEnd(code), day, nextMonth,
                gen, group, code, NativeSql.subtreeEnd(code), nextMonth);
        cover.values().removeIf(v -> v[0] == 0 && v[1] == 0 && v[2] == 0 && v[3] == 0);
        return cover;
    }

    private static long[] total(Map<String, long[]> byScope) {
        long[] total = new long[4];
        byScope.values().forEach(v -> {
            for (int i = 0; i < 4; i++) {
                total[i] += v[i];
            }
        });
        return total;
    }

    private static Coverage coverage(long[] v) {
        return new Coverage(v[0], v[1], ratio(v[1], v[0]), v[2], v[3], ratio(v[3], v[2]));
    }

    @Transactional
    public ServiceOutput serviceOutput(String regionCode, Period period) {
        int gen = generations.active();
        RegionRef region = scope.readable(gen, regionCode);
        return serviceOutput(gen, region, period);
    }

    ServiceOutput serviceOutput(int gen, RegionRef region, Period period) {
        String code = region.code();
        Figures totals = figures(sum(gen, code.length(), code, null, period).getOrDefault(code, Map.of()),
                distinctClients(gen, code, code.length(), period).getOrDefault(code, 0L));
        boolean monthly = period.wholeMonths() && period.days() > 31;
        List<SeriesPoint> series = new ArrayList<>();
        Map<LocalDate, Map<String, Long>> points = new TreeMap<>();
        jdbc.query(monthly
                ? "select month, measure, value from ru_month where gen = ? and level = ? and scope = ? and month between ? and ?"
                : "select day, measure, value from ru_day where gen = ? and level = ? and scope = ? and day between ? and ?",
                rs -> points.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new HashMap<>())
                        .merge(rs.getString(2), rs.getLong(3), Long::sum),
                gen, code.length(), code, monthly ? period.start() : period.start(),
                monthly ? period.end().withDayOfMonth(1) : period.end());
        points.values().removeIf(DashboardService::allZero);
        points.forEach((start, measures) -> series.add(new SeriesPoint(start, figures(measures, null))));
        List<OutputChild> children = new ArrayList<>();
        int child = childLength(region);
        if (child > 0) {
            Map<String, Map<String, Long>> byChild = sum(gen, child, code, NativeSql.subtreeEnd(code), period);
            Map<String, Long> clients = distinctClients(gen, code, child, period);
            names(gen, new ArrayList<>(byChild.keySet()), child).forEach((c, name) -> children.add(
                    new OutputChild(c, name, figures(byChild.get(c), clients.getOrDefault(c, 0L)))));
        }
        return new ServiceOutput(region, PeriodView.of(period), clock.asOf(), totals, monthly ? "MONTH" : "DAY", series,
                children);
    }

    /**
     * Sums the rollups of the scopes of one level in [from, to) (or the one scope {@code from} when
     * {@code to} is null) over a period: whole months from the month rollup, the rest from days.
     */
    public Map<String, Map<String, Long>> sum(int gen, int level, String from, String to, Period period) {
        String scopeFilter = to == null ? "scope = ?" : "scope >= ? and scope < ?";
        Map<String, Map<String, Long>> result = sumWhere(gen, level, scopeFilter,
                to == null ? new Object[] {from} : new Object[] {from, to}, period);
        // A corrected record leaves zeros behind where it used to count: such a scope has no output.
        result.values().removeIf(DashboardService::allZero);
        return result;
    }

    /** Like {@link #sum} for a set of scopes (e.g. station ids at level 0). */
    public Map<String, Map<String, Long>> sumScopes(int gen, int level, String[] scopes, Period period) {
        if (scopes.length == 0) {
            return new TreeMap<>();
        }
        return sumWhere(gen, level, "scope = any(?)", new Object[] {scopes}, period);
    }

    private Map<String, Map<String, Long>> sumWhere(int gen, int level, String scopeFilter, Object[] scopeArgs,
            Period period) {
        Map<String, Map<String, Long>> result = new TreeMap<>();
        Period.Split split = period.split();
        if (split.hasMonths()) {
            collect(result, "select scope, measure, sum(value) from ru_month where gen = ? and level = ? and " + scopeFilter
                    + " and month between ? and ? group by scope, measure", gen, level, scopeArgs, split.firstMonth(),
                    split.lastMonth());
        }
        for (LocalDate[] range : split.dayRanges()) {
            collect(result, "select scope, measure, sum(value) from ru_day where gen = ? and level = ? and " + scopeFilter
                    + " and day between ? and ? group by scope, measure", gen, level, scopeArgs, range[0], range[1]);
        }
        return result;
    }

    private void collect(Map<String, Map<String, Long>> into, String sql, int gen, int level, Object[] scopeArgs,
            LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>(List.of(gen, level));
        args.addAll(List.of(scopeArgs));
        args.add(from);
        args.add(to);
        jdbc.query(sql, rs -> into.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .merge(rs.getString(2), rs.getLong(3), Long::sum), args.toArray());
    }

    /**
     * Distinct clients served in the period in the subtree of {@code code}, per region code cut to
     * {@code group} characters: whole months from the client-month rollup, the other days from the
     * client-day rollup; a calendar month, quarter or year is one counter row per scope. A client
     * served in two children counts once in each and once in the total.
     */
    private Map<String, Long> distinctClients(int gen, String code, int group, Period period) {
        Map<String, Long> clients = new TreeMap<>();
        if (COUNTED_GRAINS.contains(period.type())) {
            jdbc.query("""
                    select scope, clients from ru_client_distinct where gen = ? and level = ? and scope >= ? and scope < ?
                      and grain = ? and start = ? and clients > 0""",
                    rs -> clients.put(rs.getString(1), rs.getLong(2)), gen, group, code, NativeSql.subtreeEnd(code),
                    period.type().name(), period.start());
            return clients;
        }
        Period.Split split = period.split();
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>(List.of(group));
        if (split.hasMonths()) {
            parts.add("""
                    select scope, client_id from ru_client_month where gen = ? and scope >= ? and scope < ?
                      and month between ? and ? and records > 0""");
            args.addAll(List.of(gen, code, NativeSql.subtreeEnd(code), split.firstMonth(), split.lastMonth()));
        }
        for (LocalDate[] range : split.dayRanges()) {
            parts.add("""
                    select scope, client_id from ru_client_day where gen = ? and scope >= ? and scope < ?
                      and day between ? and ? and records > 0""");
            args.addAll(List.of(gen, code, NativeSql.subtreeEnd(code), range[0], range[1]));
        }
        jdbc.query("select left(scope, ?), count(distinct client_id) from (" + String.join(" union all ", parts)
                + ") served group by 1", rs -> clients.put(rs.getString(1), rs.getLong(2)), args.toArray());
        return clients;
    }

    private static boolean allZero(Map<String, Long> measures) {
        return measures.values().stream().allMatch(v -> v == 0);
    }

    static Figures figures(Map<String, Long> m, Long distinctClients) {
        Map<String, Long> byCategory = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(Measure.CATEGORY_PREFIX) && v != 0) {
                byCategory.put(k.substring(Measure.CATEGORY_PREFIX.length()), v);
            }
        });
        return new Figures(get(m, Measure.RECORDS), get(m, "VISIT"), get(m, "CASE_SESSION"), get(m, "GROUP_SESSION"),
                get(m, "COMMUNITY_ACTIVITY"), get(m, "CONSULTATION"), get(m, "REFERRAL"), get(m, "RESOURCE_LINKAGE"),
                BigDecimal.valueOf(get(m, Measure.SERVICE_MINUTES)).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP),
                get(m, Measure.PARTICIPANTS), distinctClients, byCategory);
    }

    private static long get(Map<String, Long> m, String key) {
        return m.getOrDefault(key, 0L);
    }

    @Transactional
    public WorkforceDashboard workforce(String regionCode, Period period) {
        int gen = generations.active();
        RegionRef region = scope.readable(gen, regionCode);
        String code = region.code();
        int child = childLength(region);
        Map<String, WorkforceAcc> acc = new TreeMap<>();
        WorkforceAcc total = new WorkforceAcc();
        jdbc.query("""
                select distinct a.station_region_code, w.id, w.category, w.qualification_level
                from rm_assignment a join rm_worker w on w.gen = a.gen and w.id = a.worker_id
                where a.gen = ? and a.status = 'ACTIVE' and w.status <> 'LEFT' and a.station_region_code >= ? and a.station_region_code < ?""",
                rs -> {
                    String region1 = rs.getString(1);
                    String worker = rs.getString(2);
                    for (WorkforceAcc a : targetsOf(acc, total, region1, child)) {
                        if (a.workers.add(worker)) {
                            a.byCategory.merge(rs.getString(3), 1L, Long::sum);
                            a.byQualification.merge(rs.getString(4), 1L, Long::sum);
                        }
                    }
                    return null;
                }, gen, code, NativeSql.subtreeEnd(code));
        jdbc.query("select region_code from rm_station where gen = ? and status = 'OPERATING' and region_code >= ? and region_code < ?",
                rs -> {
                    targetsOf(acc, total, rs.getString(1), child).forEach(a -> a.operatingStations++);
                    return null;
                }, gen, code, NativeSql.subtreeEnd(code));
        jdbc.query("""
                select organizer_region_code, attended_hours, attendees from rm_training
                where gen = ? and organizer_region_code >= ? and organizer_region_code < ? and starts_on between ? and ?""",
                rs -> {
                    for (WorkforceAcc a : targetsOf(acc, total, rs.getString(1), child)) {
                        a.trainingHours = a.trainingHours.add(rs.getBigDecimal(2));
                        a.trainingAttendances += rs.getLong(3);
                    }
                    return null;
                }, gen, code, NativeSql.subtreeEnd(code), period.start(), period.end());
        jdbc.query("""
                select station_region_code, service_hours from rm_volunteer
                where gen = ? and status = 'ACTIVE' and station_region_code >= ? and station_region_code < ?""",
                rs -> {
                    for (WorkforceAcc a : targetsOf(acc, total, rs.getString(1), child)) {
                        a.volunteers++;
                        a.volunteerHours = a.volunteerHours.add(rs.getBigDecimal(2));
                    }
                    return null;
                }, gen, code, NativeSql.subtreeEnd(code));
        jdbc.query("""
                select receiving_county_code, workers_dispatched, local_trainees from rm_dispatch
                where gen = ? and receiving_county_code >= ? and receiving_county_code < ? and year between ? and ?""",
                rs -> {
                    for (WorkforceAcc a : targetsOf(acc, total, rs.getString(1), child)) {
                        a.dispatched += rs.getLong(2);
                        a.receivingCounties.add(rs.getString(1));
                        a.localTrainees += rs.getLong(3);
                    }
                    return null;
                }, gen, code, NativeSql.subtreeEnd(code), period.start().getYear(), period.end().getYear());
        List<WorkforceChild> children = new ArrayList<>();
        names(gen, new ArrayList<>(acc.keySet()), child).forEach((c, name) -> children.add(
                new WorkforceChild(c, name, acc.get(c).view())));
        return new WorkforceDashboard(region, PeriodView.of(period), clock.asOf(), total.view(), children);
    }

    private static List<WorkforceAcc> targetsOf(Map<String, WorkforceAcc> acc, WorkforceAcc total, String regionCode,
            int child) {
        if (child == 0 || regionCode.length() < child) {
            return List.of(total);
        }
        return List.of(total, acc.computeIfAbsent(regionCode.substring(0, child), k -> new WorkforceAcc()));
    }

    /** Running totals of one region's workforce. */
    private static final class WorkforceAcc {
        final Set<String> workers = new HashSet<>();
        final Map<String, Long> byCategory = new TreeMap<>();
        final Map<String, Long> byQualification = new TreeMap<>();
        long operatingStations;
        BigDecimal trainingHours = BigDecimal.ZERO;
        long trainingAttendances;
        long volunteers;
        BigDecimal volunteerHours = BigDecimal.ZERO;
        long dispatched;
        final Set<String> receivingCounties = new HashSet<>();
        long localTrainees;

        Workforce view() {
            long certified = workers.size() - byQualification.getOrDefault("NONE", 0L);
            return new Workforce(workers.size(), byCategory, byQualification, ratio(certified, workers.size()),
                    operatingStations,
                    operatingStations == 0 ? null
                            : BigDecimal.valueOf(workers.size()).divide(BigDecimal.valueOf(operatingStations), 2, RoundingMode.HALF_UP),
                    trainingHours, trainingAttendances, volunteers, volunteerHours, dispatched, receivingCounties.size(),
                    localTrainees);
        }
    }

    @Transactional
    public ProjectsDashboard projects(String regionCode) {
        int gen = generations.active();
        RegionRef region = scope.readable(gen, regionCode);
        String code = region.code();
        Map<String, MoneyAcc> byPurchaser = new TreeMap<>();
        MoneyAcc total = new MoneyAcc();
        jdbc.query("""
                select purchaser_region_code, status, budget_fen, disbursed_fen, funding::text from rm_project
                where gen = ? and purchaser_region_code >= ? and purchaser_region_code < ?""",
                rs -> {
                    Inbound.Funding[] funding;
                    try {
                        funding = mapper.readValue(rs.getString(5), Inbound.Funding[].class);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    for (MoneyAcc a : List.of(total, byPurchaser.computeIfAbsent(rs.getString(1), k -> new MoneyAcc()))) {
                        a.add(rs.getString(2), rs.getLong(3), rs.getLong(4), funding);
                    }
                    return null;
                }, gen, code, NativeSql.subtreeEnd(code));
        List<MoneyChild> children = new ArrayList<>();
        Map<String, String> names = names(gen, new ArrayList<>(byPurchaser.keySet()), -1);
        byPurchaser.forEach((c, a) -> children.add(new MoneyChild(c, names.get(c), a.view())));
        return new ProjectsDashboard(region, clock.asOf(), total.view(), children);
    }

    /** Running totals of projects and money. */
    private static final class MoneyAcc {
        long projects;
        final Map<String, Long> byStatus = new TreeMap<>();
        long budget;
        long disbursed;
        final Map<String, Long> bySource = new TreeMap<>();

        void add(String status, long budgetFen, long disbursedFen, Inbound.Funding[] funding) {
            projects++;
            byStatus.merge(status, 1L, Long::sum);
            budget += budgetFen;
            disbursed += disbursedFen;
            for (Inbound.Funding f : funding) {
                bySource.merge(f.source(), f.amountFen(), Long::sum);
            }
        }

        Money view() {
            return new Money(projects, byStatus, budget, disbursed, bySource);
        }
    }

    @Transactional
    public ComplianceDashboard compliance(String regionCode, Period period) {
        int gen = generations.active();
        return complianceOf(gen, scope.readable(gen, regionCode), period);
    }

    /** Key-client visit compliance of a region already resolved in scope. */
    public ComplianceDashboard complianceOf(int gen, RegionRef region, Period period) {
        if (!period.wholeMonths()) {
            throw Problems.invalidField("period", "reporting.period.whole-months");
        }
        int child = childLength(region);
        int group = child == 0 ? region.code().length() : child;
        Map<String, long[]> byChild = new TreeMap<>();
        jdbc.query("""
                select left(c.village_region_code, ?), count(*),
                  count(*) filter (where coalesce(v.visits, 0) >= c.required_visits_per_month)
                from rm_client c cross join generate_series(cast(? as date), cast(? as date), interval '1 month') m(month)
                left join lateral (select sum(x.visits) visits from ru_client_month x
                  where x.gen = c.gen and x.client_id = c.id and x.month = m.month) v on true
                where c.gen = ? and c.status = 'ACTIVE' and c.risk_level in ('KEY', 'HIGH_RISK')
                  and c.village_region_code >= ? and c.village_region_code < ?
                group by 1""",
                rs -> byChild.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}),
                group, period.start(), period.end().withDayOfMonth(1), gen, region.code(),
                NativeSql.subtreeEnd(region.code()));
        long[] total = new long[2];
        byChild.values().forEach(v -> {
            total[0] += v[0];
            total[1] += v[1];
        });
        List<ComplianceChild> children = new ArrayList<>();
        if (child > 0) {
            names(gen, new ArrayList<>(byChild.keySet()), child).forEach((c, name) -> {
                long[] v = byChild.get(c);
                children.add(new ComplianceChild(c, name, new Compliance(v[0], v[1], ratio(v[1], v[0]))));
            });
        }
        return new ComplianceDashboard(region, PeriodView.of(period), clock.asOf(),
                new Compliance(total[0], total[1], ratio(total[1], total[0])), children);
    }

    @Transactional
    public EvaluationsDashboard evaluations(String regionCode, Period period) {
        int gen = generations.active();
        RegionRef region = scope.readable(gen, regionCode);
        int child = childLength(region);
        Map<String, EvaluationAcc> byChild = new TreeMap<>();
        EvaluationAcc total = new EvaluationAcc();
        jdbc.query("""
                select purchaser_region_code, score, grade from rm_evaluation
                where gen = ? and status = 'COMPLETED' and purchaser_region_code >= ? and purchaser_region_code < ?
                  and completed_on between ? and ?""",
                rs -> {
                    String purchaser = rs.getString(1);
                    total.add(rs.getBigDecimal(2), rs.getString(3));
                    if (child > 0 && purchaser.length() >= child) {
                        byChild.computeIfAbsent(purchaser.substring(0, child), k -> new EvaluationAcc())
                                .add(rs.getBigDecimal(2), rs.getString(3));
                    }
                    return null;
                }, gen, region.code(), NativeSql.subtreeEnd(region.code()), period.start(), period.end());
        List<EvaluationChild> children = new ArrayList<>();
        names(gen, new ArrayList<>(byChild.keySet()), child).forEach((c, name) -> children.add(
                new EvaluationChild(c, name, byChild.get(c).view())));
        return new EvaluationsDashboard(region, PeriodView.of(period), clock.asOf(), total.view(), children);
    }

    /** Running totals of evaluation results. */
    private static final class EvaluationAcc {
        long completed;
        long scored;
        BigDecimal scoreSum = BigDecimal.ZERO;
        final Map<String, Long> byGrade = new TreeMap<>();
        final Map<String, Long> byBand = new LinkedHashMap<>();

        EvaluationAcc() {
            for (String band : List.of("BELOW_60", "60_70", "70_80", "80_90", "90_100")) {
                byBand.put(band, 0L);
            }
        }

        void add(BigDecimal score, String grade) {
            completed++;
            if (grade != null) {
                byGrade.merge(grade, 1L, Long::sum);
            }
            if (score != null) {
                scored++;
                scoreSum = scoreSum.add(score);
                double s = score.doubleValue();
                String band = s < 60 ? "BELOW_60" : s < 70 ? "60_70" : s < 80 ? "70_80" : s < 90 ? "80_90" : "90_100";
                byBand.merge(band, 1L, Long::sum);
            }
        }

        Evaluations view() {
            return new Evaluations(completed,
                    scored == 0 ? null : scoreSum.divide(BigDecimal.valueOf(scored), 2, RoundingMode.HALF_UP), byGrade, byBand);
        }
    }

    /** Names of the child regions {@code codes} (only codes of length {@code length}; any length when negative), by code. */
    Map<String, String> names(int gen, List<String> codes, int length) {
        Map<String, String> names = new TreeMap<>();
        List<String> wanted = codes.stream().filter(c -> length < 0 || c.length() == length).toList();
        if (length == 0 || wanted.isEmpty()) {
            return names;
        }
        jdbc.query("select code, name from rm_region where gen = ? and code = any(?)",
                rs -> names.put(rs.getString(1), rs.getString(2)), gen, wanted.toArray(String[]::new));
        wanted.forEach(c -> names.putIfAbsent(c, null));
        return names;
    }

    static int childLength(RegionRef region) {
        return region.childLength();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
