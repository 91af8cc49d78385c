package org.socialwork.reporting.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the dashboards answer. Every answer names its region, period and {@code asOf}. */
public final class DashboardViews {

    private DashboardViews() {
    }

    public record PeriodView(PeriodType type, LocalDate start, LocalDate end) {
        public static PeriodView of(Period p) {
            return new PeriodView(p.type(), p.start(), p.end());
        }
    }

    public record Coverage(long townships, long townshipsCovered, BigDecimal townshipCoverage, long villages,
            long villagesCovered, BigDecimal villageCoverage) {
    }

    public record StationCount(String level, String status, long count) {
    }

    public record TargetProgress(int year, Integer targetPercent, BigDecimal progress, long townshipsStillNeeded) {
    }

    public record NetworkChild(String code, String name, long stations, long operatingStations, Coverage coverage) {
    }

    /** Stations as they are now; coverage as of {@code coverageOn}. */
    public record Network(RegionRef region, OffsetDateTime asOf, List<StationCount> stationsByLevelAndStatus,
            LocalDate coverageOn, Coverage coverage, TargetProgress target, long pilots, long demonstrations,
            List<NetworkChild> children) {
    }

    public record CoverageChild(String code, String name, Coverage coverage) {
    }

    /** Coverage on the last day of the period (today when the period has not ended yet). */
    public record CoverageDashboard(RegionRef region, PeriodView period, LocalDate coverageOn, OffsetDateTime asOf,
            Coverage coverage, TargetProgress target, List<CoverageChild> children) {
    }

    public record Figures(long records, long visits, long caseSessions, long groupSessions, long communityActivities,
            long consultations, long referrals, long resourceLinkages, BigDecimal serviceHours, long participants,
            Long distinctClients, Map<String, Long> byCategory) {
    }

    public record SeriesPoint(LocalDate start, Figures figures) {
    }

    public record OutputChild(String code, String name, Figures figures) {
    }

    public record ServiceOutput(RegionRef region, PeriodView period, OffsetDateTime asOf, Figures totals,
            String granularity, List<SeriesPoint> series, List<OutputChild> children) {
    }

    public record Workforce(long workers, Map<String, Long> byCategory, Map<String, Long> byQualificationLevel,
            BigDecimal certifiedShare, long operatingStations, BigDecimal staffPerStation, BigDecimal trainingHours,
            long trainingAttendances, long volunteers, BigDecimal volunteerHours, long workersDispatched,
            long receivingCounties, long localTrainees) {
    }

    public record WorkforceChild(String code, String name, Workforce workforce) {
    }

    public record WorkforceDashboard(RegionRef region, PeriodView period, OffsetDateTime asOf, Workforce totals,
            List<WorkforceChild> children) {
    }

    public record Money(long projects, Map<String, Long> byStatus, long budgetFen, long disbursedFen,
            Map<String, Long> budgetFenBySource) {
    }

    public record MoneyChild(String code, String name, Money money) {
    }

    public record ProjectsDashboard(RegionRef region, OffsetDateTime asOf, Money totals, List<MoneyChild> byPurchaser) {
    }

    public record Compliance(long keyClientMonths, long compliantClientMonths, BigDecimal share) {
    }

    public record ComplianceChild(String code, String name, Compliance compliance) {
    }

    public record ComplianceDashboard(RegionRef region, PeriodView period, OffsetDateTime asOf, Compliance totals,
            List<ComplianceChild> children) {
    }

    public record Evaluations(long completed, BigDecimal averageScore, Map<String, Long> byGrade,
            Map<String, Long> byScoreBand) {
    }

    public record EvaluationChild(String code, String name, Evaluations evaluations) {
    }

    public record EvaluationsDashboard(RegionRef region, PeriodView period, OffsetDateTime asOf, Evaluations totals,
            List<EvaluationChild> children) {
    }
}
