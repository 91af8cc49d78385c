package org.socialwork.reporting.warning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.socialwork.reporting.ReportingConfig;
import org.socialwork.reporting.dashboard.DashboardService;
import org.socialwork.reporting.dashboard.DashboardViews;
import org.socialwork.reporting.dashboard.Period;
import org.socialwork.reporting.dashboard.PeriodType;
import org.socialwork.reporting.dashboard.RegionRef;
import org.socialwork.reporting.support.Jdbc;

/** The warning conditions, each a query over the read models of one generation, as of a day. */
@ApplicationScoped
class WarningRules {

    @Inject
    Jdbc jdbc;

    @Inject
    ReportingConfig config;

    @Inject
    DashboardService dashboards;

    List<Candidate> evaluate(int gen, LocalDate today) {
        List<Candidate> found = new ArrayList<>();
        ReportingConfig.Warnings w = config.warnings();
        int days = w.inactiveDays();
        jdbc.query("""
                select s.id::text, s.region_code, s.name from rm_station s where s.gen = ? and s.status = 'OPERATING'
                  and not exists (select 1 from ru_day d where d.gen = s.gen and d.level = 0 and d.scope = s.id::text
                    and d.measure = 'RECORDS' and d.day between ? and ? and d.value > 0)""",
                rs -> found.add(new Candidate(WarningKind.STATION_INACTIVE.name(), rs.getString(2), "STATION", rs.getString(1), "MEDIUM",
                        "站点" + rs.getString(3) + "已连续 " + days + " 天无服务记录", BigDecimal.ZERO, BigDecimal.valueOf(days))),
                gen, today.minusDays(days - 1L), today);

        LocalDate lastMonth = YearMonth.from(today).minusMonths(1).atDay(1);
        jdbc.query("""
                select c.id::text, c.village_region_code, c.risk_level, c.required_visits_per_month, v.visits
                from rm_client c cross join lateral (select coalesce(sum(x.visits), 0) visits from ru_client_month x
                  where x.gen = c.gen and x.client_id = c.id and x.month = ?) v
                where c.gen = ? and c.status = 'ACTIVE' and c.risk_level in ('KEY', 'HIGH_RISK')
                  and c.village_region_code is not null and v.visits < c.required_visits_per_month""",
                rs -> found.add(new Candidate(WarningKind.KEY_CLIENT_VISIT_OVERDUE.name(), rs.getString(2), "CLIENT", rs.getString(1),
                        "HIGH_RISK".equals(rs.getString(3)) ? "HIGH" : "MEDIUM",
                        "重点服务对象 " + YearMonth.from(lastMonth) + " 仅走访 " + rs.getLong(5) + " 次，要求 " + rs.getInt(4) + " 次",
                        BigDecimal.valueOf(rs.getLong(5)), BigDecimal.valueOf(rs.getInt(4)))),
                lastMonth, gen);

        jdbc.query("""
                select id::text, purchaser_region_code, name, team_size, min_full_time_workers, team_changes
                from rm_project where gen = ? and status = 'IN_SERVICE'""",
                rs -> {
                    int min = rs.getInt(5);
                    if (!rs.wasNull() && rs.getInt(4) < min) {
                        found.add(new Candidate(WarningKind.UNDERSTAFFED.name(), rs.getString(2), "PROJECT", rs.getString(1), "HIGH",
                                "项目" + rs.getString(3) + "团队 " + rs.getInt(4) + " 人，要求至少 " + min + " 名专职社工",
                                BigDecimal.valueOf(rs.getInt(4)), BigDecimal.valueOf(min)));
                    }
                    if (rs.getInt(6) >= w.maxTeamChanges()) {
                        found.add(new Candidate(WarningKind.HIGH_TEAM_CHURN.name(), rs.getString(2), "PROJECT", rs.getString(1), "MEDIUM",
                                "项目" + rs.getString(3) + "团队已变动 " + rs.getInt(6) + " 次",
                                BigDecimal.valueOf(rs.getInt(6)), BigDecimal.valueOf(w.maxTeamChanges())));
                    }
                    return null;
                }, gen);

        projectPace(gen, today, found);

        jdbc.query("""
                select id::text, purchaser_region_code, open_rectifications, overdue_since from rm_evaluation
                where gen = ? and open_rectifications > 0 and overdue_since < ?""",
                rs -> found.add(new Candidate(WarningKind.RECTIFICATION_OVERDUE.name(), rs.getString(2), "EVALUATION", rs.getString(1),
                        "MEDIUM", rs.getInt(3) + " 项整改未按期（" + rs.getObject(4, LocalDate.class) + "）完成",
                        BigDecimal.valueOf(rs.getInt(3)), BigDecimal.ZERO)),
                gen, today);

        jdbc.query("""
                select s.id::text, s.region_code, s.name, count(distinct w.id),
                  count(distinct w.id) filter (where w.qualification_level <> 'NONE')
                from rm_station s join rm_assignment a on a.gen = s.gen and a.station_id = s.id and a.status = 'ACTIVE'
                join rm_worker w on w.gen = a.gen and w.id = a.worker_id and w.status <> 'LEFT'
                where s.gen = ? and s.status = 'OPERATING' group by s.id, s.region_code, s.name""",
                rs -> {
                    BigDecimal share = BigDecimal.valueOf(rs.getLong(5)).divide(BigDecimal.valueOf(rs.getLong(4)), 2,
                            RoundingMode.HALF_UP);
                    if (share.doubleValue() < w.minCertifiedShare()) {
                        found.add(new Candidate(WarningKind.LOW_CERTIFIED_SHARE.name(), rs.getString(2), "STATION", rs.getString(1), "LOW",
                                "站点" + rs.getString(3) + "持证社工占比 " + share, share,
                                BigDecimal.valueOf(w.minCertifiedShare())));
                    }
                    return null;
                }, gen);

        int year = today.getYear();
        jdbc.query("""
                select t.region_code, t.target_percent, r.name, r.level from coverage_target t
                join rm_region r on r.gen = ? and r.code = t.region_code where t.year = ?""",
                rs -> {
                    RegionRef region = new RegionRef(rs.getString(1), rs.getString(3), rs.getString(4));
                    DashboardViews.Coverage coverage = dashboards.networkOf(gen, region, year).coverage();
                    BigDecimal target = BigDecimal.valueOf(rs.getInt(2)).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
                    if (coverage.townshipCoverage() != null && coverage.townshipCoverage().compareTo(target) < 0) {
                        found.add(new Candidate(WarningKind.COVERAGE_BEHIND_TARGET.name(), region.code(), "REGION", region.code(), "MEDIUM",
                                region.name() + "乡镇社工站覆盖率 " + coverage.townshipCoverage() + "，" + year + " 年目标 " + target,
                                coverage.townshipCoverage(), target));
                    }
                    return null;
                }, gen, year);

        lateFiling(gen, today, found);
        return found;
    }

    private void projectPace(int gen, LocalDate today, List<Candidate> found) {
        record Pace(String id, String region, String name, String[] stations, LocalDate start, LocalDate end, long target) {
        }
        List<Pace> projects = jdbc.query("""
                select p.id::text, p.purchaser_region_code, p.name, p.station_ids::text[], p.period_start, p.period_end,
                  (t ->> 'target')::bigint
                from rm_project p cross join jsonb_array_elements(p.targets) t
                where p.gen = ? and p.status = 'IN_SERVICE' and t ->> 'indicator' = 'VISITS'
                  and p.period_start is not null and p.period_end > p.period_start and p.period_start < ?""",
                rs -> new Pace(rs.getString(1), rs.getString(2), rs.getString(3), (String[]) rs.getArray(4).getArray(),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getLong(7)),
                gen, today);
        for (Pace p : projects) {
            LocalDate until = today.isBefore(p.end()) ? today : p.end();
            double elapsed = (double) (until.toEpochDay() - p.start().toEpochDay() + 1)
                    / (p.end().toEpochDay() - p.start().toEpochDay() + 1);
            long visits = dashboards.sumScopes(gen, 0, p.stations(), new Period(PeriodType.RANGE, p.start(), until))
                    .values().stream().mapToLong(m -> m.getOrDefault("VISIT", 0L)).sum();
            double expected = p.target() * elapsed;
            if (expected > 0 && visits < expected * config.warnings().minTargetPace()) {
                found.add(new Candidate(WarningKind.PROJECT_BEHIND_TARGET.name(), p.region(), "PROJECT", p.id(), "MEDIUM",
                        "项目" + p.name() + "走访 " + visits + " 次，按进度应达 " + Math.round(expected) + " 次",
                        BigDecimal.valueOf(visits), BigDecimal.valueOf(Math.round(expected))));
            }
        }
    }

    /**
     * LATE_FILING covers both filings a bureau waits for: station assignments not filed (备案) within
     * the deadline, or filed after it lately, and county monthly reports not submitted on time.
     */
    private void lateFiling(int gen, LocalDate today, List<Candidate> found) {
        int filingDays = config.warnings().filingDays();
        jdbc.query("""
                select a.id::text, a.station_region_code, s.name, a.valid_from, a.filed_on, a.filing_days from rm_assignment a
                left join rm_station s on s.gen = a.gen and s.id = a.station_id
                where a.gen = ? and ((a.status = 'ACTIVE' and a.filed_on is null and a.valid_from < ?)
                  or (a.filing_late and a.filed_on >= ?))""",
                rs -> {
                    LocalDate from = rs.getObject(4, LocalDate.class);
                    LocalDate filedOn = rs.getObject(5, LocalDate.class);
                    Integer filedAfter = (Integer) rs.getObject(6);
                    // A filed change is as late as the filing says: the change it files may be a role change long
                    // after the assignment began. Snapshots from before the field was carried fall back to the start.
                    long days = filedOn == null ? today.toEpochDay() - from.toEpochDay()
                            : filedAfter != null ? filedAfter : filedOn.toEpochDay() - from.toEpochDay();
                    LocalDate changedOn = filedOn == null ? from : filedOn.minusDays(days);
                    String station = rs.getString(3) == null ? "" : rs.getString(3);
                    found.add(new Candidate(WarningKind.LATE_FILING.name(), rs.getString(2), "ASSIGNMENT", rs.getString(1),
                            filedOn == null ? "MEDIUM" : "LOW",
                            filedOn == null
                                    ? station + "社工派驻（" + from + " 起）已 " + days + " 天未备案，时限 " + filingDays + " 天"
                                    : station + "社工派驻变更（" + changedOn + "）于 " + filedOn + " 逾期备案（" + days + " 天）",
                            BigDecimal.valueOf(days), BigDecimal.valueOf(filingDays)));
                    return null;
                }, gen, today.minusDays(filingDays), today.minusDays(config.warnings().lateFilingShownDays()));
        reportsNotSubmitted(gen, today, found);
    }

    /** Counties without a submitted monthly report for last month once its due date has passed. */
    private void reportsNotSubmitted(int gen, LocalDate today, List<Candidate> found) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        LocalDate due = month.atEndOfMonth().plusDays(config.reports().submissionGraceDays());
        if (!today.isAfter(due)) {
            return;
        }
        jdbc.query("""
                select r.code, r.name from rm_region r where r.gen = ? and r.level = 'COUNTY' and not r.retired
                  and not exists (select 1 from report p where p.region_code = r.code and p.period_type = 'MONTH'
                    and p.period_start = ? and p.submitted_at is not null)""",
                rs -> found.add(new Candidate(WarningKind.LATE_FILING.name(), rs.getString(1), "REGION", rs.getString(1) + ":MONTH:" + month,
                        "LOW", rs.getString(2) + " " + month + " 月报未按期（" + due + "）报送", null, null)),
                gen, month.atDay(1));
    }

    static Map<String, Candidate> byKey(List<Candidate> candidates) {
        Map<String, Candidate> map = new java.util.LinkedHashMap<>();
        candidates.forEach(c -> map.putIfAbsent(c.key(), c));
        return map;
    }
}
