package org.socialwork.reporting.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.reporting.ReportingConfig;
import org.socialwork.reporting.dashboard.DashboardService;
import org.socialwork.reporting.dashboard.DashboardViews;
import org.socialwork.reporting.dashboard.Period;
import org.socialwork.reporting.dashboard.PeriodType;
import org.socialwork.reporting.dashboard.RegionRef;
import org.socialwork.reporting.dashboard.RegionScope;
import org.socialwork.reporting.readmodel.Generations;
import org.socialwork.reporting.support.Jdbc;

/**
 * Periodic reports: a county compiles and submits, its city then its province approve or return;
 * the province's approval locks the period and announces it on reporting.period.v1 through the
 * outbox, in the same transaction.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    ReportRepository reports;

    @Inject
    PeriodLockRepository locks;

    @Inject
    DashboardService dashboards;

    @Inject
    RegionScope scope;

    @Inject
    CallerScope caller;

    @Inject
    Generations generations;

    @Inject
    Outbox outbox;

    @Inject
    ReportingConfig config;

    @Inject
    Jdbc jdbc;

    /** Reports are the bureaus' own documents: the dashboard role reads aggregates, not them. */
    static final String[] REPORT_READERS = {Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER};

    @Inject
    BusinessClock clock;

    @Transactional
    public ReportView create(ReportRequests.Create request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        int gen = generations.active();
        RegionRef county = scope.visible(gen, request.regionCode());
        Period period = reportPeriod(request.periodType(), request.period());
        if (reports.find(county.code(), period.type(), period.start()) != null) {
            throw Problems.conflict("reporting.report.exists", county.code());
        }
        OffsetDateTime now = clock.now();
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.regionCode = county.code();
        report.periodType = period.type();
        report.periodStart = period.start();
        report.periodEnd = period.end();
        report.status = ReportStatus.DRAFT;
        report.narrative = request.narrative();
        report.figures = compile(gen, county, period);
        report.dueOn = period.end().plusDays(config.reports().submissionGraceDays());
        report.createdBy = caller.subject();
        report.createdAt = now;
        report.version = 1;
        report.updatedAt = now;
        reports.persist(report);
        return ReportView.of(report);
    }

    @Transactional
    public ReportView get(UUID id) {
        return ReportView.of(readable(id));
    }

    /** One keyset page of the reports of a region subtree, newest period first. */
    @Transactional
    public Page<ReportView> page(String region, PeriodType type, ReportStatus status, PageRequest page, UriInfo uri) {
        caller.requireAnyRole(REPORT_READERS);
        RegionRef ref = scope.readable(generations.active(), region);
        List<ReportView> rows = reports.inSubtree(ref.code(), type, status, page.cursor(), page.fetchSize()).stream()
                .map(ReportView::of).toList();
        return Page.of(rows, page.limit(), v -> v, ReportRepository::cursorOf, uri);
    }

    /** The reports of the newest {@code limit} (at most 200) periods and regions, for exports. */
    @Transactional
    public List<ReportView> newest(String region, PeriodType type, ReportStatus status, int limit) {
        return page(region, type, status, PageRequest.of(limit, null, 3), null).items();
    }

    @Transactional
    public ReportView update(UUID id, String ifMatch, ReportRequests.Update request) {
        Report report = writable(id, ifMatch);
        requireStatus(report, ReportStatus.DRAFT, ReportStatus.RETURNED);
        int gen = generations.active();
        report.narrative = request.narrative();
        report.figures = compile(gen, scope.visible(gen, report.regionCode),
                new Period(report.periodType, report.periodStart, report.periodEnd));
        return touch(report);
    }

    @Transactional
    public ReportView submit(UUID id, String ifMatch) {
        Report report = writable(id, ifMatch);
        requireStatus(report, ReportStatus.DRAFT, ReportStatus.RETURNED);
        requireLevel(6, report);
        report.status = ReportStatus.SUBMITTED;
        report.submittedAt = clock.now();
        return touch(report);
    }

    @Transactional
    public ReportView review(UUID id, String ifMatch, ReportRequests.Decision decision) {
        Report report = writable(id, ifMatch);
        requireStatus(report, ReportStatus.SUBMITTED, ReportStatus.CITY_APPROVED);
        boolean cityStep = report.status == ReportStatus.SUBMITTED;
        requireLevel(cityStep ? 4 : 2, report);
        if (decision.decision() == ReportRequests.Verdict.RETURN
                && (decision.comment() == null || decision.comment().isBlank())) {
            throw Problems.invalidField("comment", "reporting.report.comment");
        }
        OffsetDateTime now = clock.now();
        report.reviews.add(new Review(cityStep ? "CITY" : "PROVINCE", decision.decision().name(), decision.comment(),
                caller.subject(), now));
        if (decision.decision() == ReportRequests.Verdict.RETURN) {
            report.status = ReportStatus.RETURNED;
        } else if (cityStep) {
            report.status = ReportStatus.CITY_APPROVED;
        } else {
            report.status = ReportStatus.APPROVED;
            report.approvedAt = now;
            report.approvedBy = caller.subject();
            publishLock(report, true);
        }
        return touch(report);
    }

    @Transactional
    public ReportView reopen(UUID id, String ifMatch, ReportRequests.Reopen request) {
        Report report = writable(id, ifMatch);
        requireStatus(report, ReportStatus.APPROVED);
        requireLevel(2, report);
        report.reviews.add(new Review("PROVINCE", "REOPEN", request.comment(), caller.subject(), clock.now()));
        report.status = ReportStatus.RETURNED;
        publishLock(report, false);
        return touch(report);
    }

    @Transactional
    public Timeliness timeliness(String region, PeriodType type, String periodText) {
        int gen = generations.active();
        RegionRef ref = scope.readable(gen, region);
        Period period = reportPeriod(type, periodText);
        LocalDate due = period.end().plusDays(config.reports().submissionGraceDays());
        Map<String, Report> filed = reports.forPeriod(ref.code(), period.type(), period.start()).stream()
                .collect(Collectors.toMap(r -> r.regionCode, r -> r));
        List<Timeliness.County> counties = new ArrayList<>();
        long[] counts = new long[3];
        jdbc.query("""
                select code, name from rm_region where gen = ? and level = 'COUNTY' and not retired
                  and code >= ? and code < ? order by code""",
                rs -> {
                    Report r = filed.get(rs.getString(1));
                    String filing;
                    if (r == null || r.submittedAt == null) {
                        filing = "MISSING";
                        counts[2]++;
                    } else if (!clock.dayOf(r.submittedAt).isAfter(due)) {
                        filing = "ON_TIME";
                        counts[0]++;
                    } else {
                        filing = "LATE";
                        counts[1]++;
                    }
                    counties.add(new Timeliness.County(rs.getString(1), rs.getString(2), filing,
                            r == null ? null : r.submittedAt, r == null ? null : r.status.name()));
                    return null;
                }, gen, ref.code(), NativeSql.subtreeEnd(ref.code()));
        return new Timeliness(ref.code(), period.type(), period.start(), period.end(), due, counts[0], counts[1],
                counts[2], counties);
    }

    private void publishLock(Report report, boolean locked) {
        String key = report.regionCode + ":" + report.periodType + ":" + report.periodStart;
        PeriodLock lock = locks.findById(key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (lock == null) {
            lock = new PeriodLock();
            lock.id = key;
            lock.regionCode = report.regionCode;
            lock.periodType = report.periodType;
            lock.periodStart = report.periodStart;
            lock.periodEnd = report.periodEnd;
            lock.version = 0;
        }
        lock.version++;
        lock.locked = locked;
        lock.reportId = report.id;
        lock.approvedAt = report.approvedAt;
        lock.approvedBy = report.approvedBy;
        lock.updatedAt = clock.now();
        if (!locks.isPersistent(lock)) {
            locks.persist(lock);
        }
        outbox.append(PeriodLockedEvent.TOPIC, PeriodLockedEvent.TYPE, key, PeriodLockedEvent.of(lock));
    }

    private ReportFigures compile(int gen, RegionRef county, Period period) {
        DashboardViews.ServiceOutput output = dashboards.serviceOutputOf(gen, county, period);
        DashboardViews.Network network = dashboards.networkOf(gen, county, period.end().getYear());
        DashboardViews.Compliance compliance = period.wholeMonths()
                ? dashboards.complianceOf(gen, county, period).totals() : null;
        long operating = network.stationsByLevelAndStatus().stream().filter(s -> "OPERATING".equals(s.status()))
                .mapToLong(DashboardViews.StationCount::count).sum();
        DashboardViews.Coverage coverage = dashboards.coverageOf(gen, county, period).coverage();
        return new ReportFigures(output.asOf(), output.totals(), coverage, operating, compliance);
    }

    static Period reportPeriod(PeriodType type, String text) {
        if (type != PeriodType.WEEK && type != PeriodType.MONTH && type != PeriodType.QUARTER) {
            throw Problems.invalidField("periodType", "reporting.period.report-type");
        }
        Period period = Period.parse(text, null, null);
        if (period.type() != type) {
            throw Problems.invalidField("period", "reporting.period.invalid", text);
        }
        return period;
    }

    private Report readable(UUID id) {
        Report report = reports.findById(id);
        // Callers who may not read reports at all see no report, as for one outside their region.
        if (report == null || !caller.hasAnyRole(REPORT_READERS) || !caller.coversRegion(report.regionCode)) {
            throw Problems.notFound("report", id);
        }
        return report;
    }

    private Report writable(UUID id, String ifMatch) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        Report report = reports.findForUpdate(id);
        if (report == null || !caller.coversRegion(report.regionCode)) {
            throw Problems.notFound("report", id);
        }
        Preconditions.requireIfMatch(ifMatch, report.version);
        return report;
    }

    private static void requireStatus(Report report, ReportStatus... allowed) {
        for (ReportStatus status : allowed) {
            if (report.status == status) {
                return;
            }
        }
        throw Problems.rule("reporting.report.status", report.status,
                java.util.Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(" / ")));
    }

    /** Each step belongs to one level of bureau: county (6) submits, city (4) and province (2) review. */
    private void requireLevel(int level, Report report) {
        if (caller.isPlatformAdmin()) {
            return;
        }
        String region = caller.region().orElse("");
        if (region.length() != level) {
            throw Problems.forbidden("reporting.report.level", region);
        }
    }

    private ReportView touch(Report report) {
        report.version++;
        report.updatedAt = clock.now();
        return ReportView.of(report);
    }
}
