package org.socialwork.reporting.export;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.reporting.dashboard.DashboardService;
import org.socialwork.reporting.dashboard.DashboardViews;
import org.socialwork.reporting.dashboard.Period;
import org.socialwork.reporting.dashboard.PeriodType;
import org.socialwork.reporting.ranking.Ranking;
import org.socialwork.reporting.ranking.RankingService;
import org.socialwork.reporting.report.ReportService;
import org.socialwork.reporting.report.ReportStatus;
import org.socialwork.reporting.report.ReportView;
import org.socialwork.reporting.warning.WarningService;
import org.socialwork.reporting.warning.WarningView;

import io.quarkus.security.Authenticated;

/**
 * CSV downloads of the dashboard tables (one row per child region), rankings, warnings and
 * reports, with the same parameters, scope and checks as their JSON counterparts.
 */
@Path("/api/v1/exports")
@Tag(name = "Exports", description = "CSV (UTF-8 with BOM) of dashboard tables, rankings, warnings and reports")
@Authenticated
@Produces("text/csv")
public class ExportResource {

    @Inject
    DashboardService dashboards;

    @Inject
    RankingService rankings;

    @Inject
    WarningService warnings;

    @Inject
    ReportService reports;

    @GET
    @Path("/network.csv")
    @Operation(summary = "Coverage by child region")
    public Response network(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        DashboardViews.Network n = dashboards.network(region, year);
        Csv csv = new Csv(List.of("code", "name", "stations", "operatingStations", "townships", "townshipsCovered",
                "townshipCoverage", "villages", "villagesCovered", "villageCoverage"));
        for (DashboardViews.NetworkChild c : n.children()) {
            DashboardViews.Coverage v = c.coverage();
            csv.row(cells(c.code(), c.name(), c.stations(), c.operatingStations(), v.townships(), v.townshipsCovered(),
                    v.townshipCoverage(), v.villages(), v.villagesCovered(), v.villageCoverage()));
        }
        return file(csv, "network-" + n.region().code());
    }

    @GET
    @Path("/service-output.csv")
    @Operation(summary = "Service output by child region, with the region's total as the last row")
    public Response serviceOutput(@QueryParam("region") String region, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        DashboardViews.ServiceOutput o = dashboards.serviceOutput(region, Period.parse(period, from, to));
        Csv csv = new Csv(List.of("code", "name", "records", "visits", "caseSessions", "groupSessions",
                "communityActivities", "consultations", "referrals", "resourceLinkages", "serviceHours", "participants",
                "distinctClients"));
        for (DashboardViews.OutputChild c : o.children()) {
            csv.row(figures(c.code(), c.name(), c.figures()));
        }
        csv.row(figures(o.region().code(), o.region().name(), o.totals()));
        return file(csv, "service-output-" + o.region().code() + "-" + o.period().start());
    }

    @GET
    @Path("/rankings.csv")
    @Operation(summary = "A ranking", description = "Parameters as GET /api/v1/rankings.")
    public Response ranking(@QueryParam("region") String region, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("subjects") @DefaultValue("CHILD_REGIONS") String subjects,
            @QueryParam("measure") @DefaultValue("RECORDS") String measure,
            @QueryParam("normalise") @DefaultValue("NONE") String normalise) {
        Ranking r = rankings.rank(region, Period.parse(period, from, to), subjects, measure, normalise);
        Csv csv = new Csv(List.of("rank", "previousRank", "rankChange", "id", "name", "raw", "stations", "workers", "value"));
        for (Ranking.Row row : r.rows()) {
            csv.row(cells(row.rank(), row.previousRank(), row.rankChange(), row.id(), row.name(), row.raw(),
                    row.stations(), row.workers(), row.value()));
        }
        return file(csv, "ranking-" + r.region().code() + "-" + measure);
    }

    @GET
    @Path("/warnings.csv")
    @Operation(summary = "Warnings of a region subtree", description = "Parameters as GET /api/v1/warnings (limit ≤ 200).")
    public Response warnings(@QueryParam("region") String region, @QueryParam("status") String status,
            @QueryParam("kind") String kind, @QueryParam("limit") @DefaultValue("200") int limit) {
        Csv csv = new Csv(List.of("id", "kind", "regionCode", "subjectType", "subjectId", "severity", "detail", "measured",
                "threshold", "status", "raisedAt", "updatedAt"));
        for (WarningView w : warnings.list(region, status, kind, limit)) {
            csv.row(cells(w.id(), w.kind(), w.regionCode(), w.subjectType(), w.subjectId(), w.severity(), w.detail(),
                    w.measured(), w.threshold(), w.status(), w.raisedAt(), w.updatedAt()));
        }
        return file(csv, "warnings");
    }

    @GET
    @Path("/reports.csv")
    @Operation(summary = "Reports of a region subtree with their main figures")
    public Response reports(@QueryParam("region") String region, @QueryParam("periodType") PeriodType type,
            @QueryParam("status") ReportStatus status, @QueryParam("limit") @DefaultValue("200") int limit) {
        Csv csv = new Csv(List.of("id", "regionCode", "periodType", "periodStart", "periodEnd", "status", "submittedAt",
                "approvedAt", "records", "visits", "serviceHours", "townshipCoverage", "narrative"));
        for (ReportView r : reports.list(region, type, status, limit)) {
            csv.row(cells(r.id(), r.regionCode(), r.periodType(), r.periodStart(), r.periodEnd(), r.status(),
                    r.submittedAt(), r.approvedAt(), r.figures().serviceOutput().records(),
                    r.figures().serviceOutput().visits(), r.figures().serviceOutput().serviceHours(),
                    r.figures().coverage().townshipCoverage(), r.narrative()));
        }
        return file(csv, "reports");
    }

    private static List<Object> figures(String code, String name, DashboardViews.Figures f) {
        return cells(code, name, f.records(), f.visits(), f.caseSessions(), f.groupSessions(), f.communityActivities(),
                f.consultations(), f.referrals(), f.resourceLinkages(), f.serviceHours(), f.participants(),
                f.distinctClients());
    }

    private static List<Object> cells(Object... values) {
        List<Object> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(value);
        }
        return cells;
    }

    private static Response file(Csv csv, String name) {
        return Response.ok(csv.bytes(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
}
