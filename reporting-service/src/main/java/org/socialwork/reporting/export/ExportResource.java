package org.socialwork.reporting.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.csv.CsvWriter;
import org.socialwork.platform.csv.CsvWriter.NegativeNumbers;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.reporting.bulletin.BulletinService;
import org.socialwork.reporting.bulletin.BulletinView;
import org.socialwork.reporting.dashboard.DashboardResource;
import org.socialwork.reporting.dashboard.DashboardService;
import org.socialwork.reporting.dashboard.DashboardViews;
import org.socialwork.reporting.dashboard.Period;
import org.socialwork.reporting.dashboard.PeriodType;
import org.socialwork.reporting.ranking.Ranking;
import org.socialwork.reporting.ranking.RankingResource;
import org.socialwork.reporting.ranking.RankingService;
import org.socialwork.reporting.report.ReportService;
import org.socialwork.reporting.report.ReportStatus;
import org.socialwork.reporting.report.ReportView;
import org.socialwork.reporting.warning.WarningKind;
import org.socialwork.reporting.warning.WarningService;
import org.socialwork.reporting.warning.WarningStatus;
import org.socialwork.reporting.warning.WarningView;

import io.quarkus.security.Authenticated;

/**
 * CSV and XLSX downloads of every dashboard table (one row per child region, or per purchasing
 * bureau for projects, and the region's total last), rankings, warnings
 * and reports, with the same parameters, scope and checks as their JSON counterparts. Each export
 * is one endpoint whose path ends in {@code .csv} or {@code .xlsx}; it builds one {@link Table},
 * and the two formats only differ in the writer.
 */
@Path("/api/v1/exports")
@Tag(name = "Exports", description = "CSV (UTF-8 with BOM) and XLSX of dashboard tables, rankings, warnings and reports (数据导出)")
@SecurityRequirement(name = "bearer")
@Authenticated
public class ExportResource {

    static final String FORMAT = "The file format: csv (UTF-8 with BOM) or xlsx";

    /** Worker categories of {@code personnel.worker.v1}. */
    private static final List<String> WORKER_CATEGORIES = List.of("STATION_FULL_TIME", "PROJECT_WORKER",
            "CIVIL_AFFAIRS_ASSISTANT", "SUPERVISOR", "ADMINISTRATIVE");
    /** Qualification levels of {@code personnel.worker.v1}. */
    private static final List<String> QUALIFICATION_LEVELS = List.of("NONE", "ASSISTANT", "INTERMEDIATE", "SENIOR");
    /** Project statuses of {@code projects.project.v1}. */
    private static final List<String> PROJECT_STATUSES = List.of("DRAFT", "TENDERING", "CONTRACTED", "IN_SERVICE",
            "COMPLETED", "TERMINATED");
    /** Funding sources of {@code projects.project.v1}. */
    private static final List<String> FUNDING_SOURCES = List.of("SOCIAL_ASSISTANCE_FUND", "WELFARE_LOTTERY_FUND",
            "FISCAL_BUDGET", "DONATION", "OTHER");
    /** Evaluation grades of {@code projects.evaluation.v1}. */
    private static final List<String> GRADES = List.of("EXCELLENT", "GOOD", "PASS", "FAIL");
    /** The score bands of the evaluations dashboard. */
    private static final List<String> SCORE_BANDS = List.of("BELOW_60", "60_70", "70_80", "80_90", "90_100");

    @Inject
    DashboardService dashboards;

    @Inject
    RankingService rankings;

    @Inject
    WarningService warnings;

    @Inject
    ReportService reports;

    @Inject
    BulletinService bulletins;

    @Inject
    BusinessClock clock;

    @GET
    @Path("/network.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportNetworkDashboard", summary = "Export coverage by child region (导出站点网络与覆盖率)",
            description = "One row per child region: stations, operating stations, township and village-room coverage. Parameters as GET /api/v1/dashboards/network.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response network(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "The year whose coverage to show (2000–2100); the current year when absent", example = "2026")
            @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return export(format, () -> network(region, year));
    }

    @GET
    @Path("/coverage.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportCoverageDashboard", summary = "Export coverage on a period's last day (导出社工站覆盖率)",
            description = "Coverage by child region, with the region's total as the last row. Parameters as GET /api/v1/dashboards/coverage.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response coverage(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = DashboardResource.PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = DashboardResource.PERIOD_PATTERN), example = "2026-09")
            @QueryParam("period") String period,
            @Parameter(description = DashboardResource.FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = DashboardResource.TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return export(format, () -> coverage(region, period, from, to));
    }

    @GET
    @Path("/service-output.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportServiceOutputDashboard", summary = "Export service output by child region (导出服务产出统计)",
            description = "Service output by child region, with the region's total as the last row. Parameters as GET /api/v1/dashboards/service-output.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid or missing period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response serviceOutput(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = DashboardResource.PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = DashboardResource.PERIOD_PATTERN), example = "2026-09")
            @QueryParam("period") String period,
            @Parameter(description = DashboardResource.FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = DashboardResource.TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return export(format, () -> serviceOutput(region, period, from, to));
    }

    @GET
    @Path("/workforce.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportWorkforceDashboard", summary = "Export workforce by child region (导出社工人才队伍)",
            description = "Workforce by child region, with the region's total as the last row. Parameters as GET /api/v1/dashboards/workforce.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid or missing period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response workforce(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = DashboardResource.PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = DashboardResource.PERIOD_PATTERN), example = "2026-09")
            @QueryParam("period") String period,
            @Parameter(description = DashboardResource.FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = DashboardResource.TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return export(format, () -> workforce(region, period, from, to));
    }

    @GET
    @Path("/projects.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportProjectsDashboard", summary = "Export projects and money by purchasing bureau (导出购买服务项目与资金)",
            description = "Projects and money (fen) by purchasing bureau, with the region's total as the last row. Parameters as GET /api/v1/dashboards/projects.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response projects(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region) {
        return export(format, () -> projects(region));
    }

    @GET
    @Path("/visit-compliance.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportVisitComplianceDashboard", summary = "Export key-client visit compliance by child region (导出重点对象走访达标率)",
            description = "Key-client visit compliance by child region, with the region's total as the last row. Parameters as GET /api/v1/dashboards/visit-compliance.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid period or not whole months")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response compliance(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = DashboardResource.PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = DashboardResource.PERIOD_PATTERN), example = "2026-09")
            @QueryParam("period") String period,
            @Parameter(description = DashboardResource.FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = DashboardResource.TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return export(format, () -> compliance(region, period, from, to));
    }

    @GET
    @Path("/evaluations.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportEvaluationsDashboard", summary = "Export evaluation scores and grades by child region (导出项目绩效评估)",
            description = "Evaluation scores and grades by child region, with the region's total as the last row. Parameters as GET /api/v1/dashboards/evaluations.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid or missing period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response evaluations(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = DashboardResource.PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = DashboardResource.PERIOD_PATTERN), example = "2026-09")
            @QueryParam("period") String period,
            @Parameter(description = DashboardResource.FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = DashboardResource.TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return export(format, () -> evaluations(region, period, from, to));
    }

    @GET
    @Path("/rankings.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportRanking", summary = "Export a ranking (导出排名)",
            description = "One row per ranked subject. Parameters as GET /api/v1/rankings.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Unknown measure, subjects, normaliser or period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response ranking(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = DashboardResource.PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = DashboardResource.PERIOD_PATTERN), example = "2026-09")
            @QueryParam("period") String period,
            @Parameter(description = DashboardResource.FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = DashboardResource.TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = RankingResource.SUBJECTS, schema = @Schema(type = SchemaType.STRING, enumeration = {"CHILD_REGIONS", "STATIONS"}, defaultValue = "CHILD_REGIONS"))
            @QueryParam("subjects") @DefaultValue("CHILD_REGIONS") String subjects,
            @Parameter(description = RankingResource.MEASURE, schema = @Schema(type = SchemaType.STRING, enumeration = {"RECORDS", "VISIT", "CASE_SESSION",
                    "GROUP_SESSION", "COMMUNITY_ACTIVITY", "CONSULTATION", "REFERRAL", "RESOURCE_LINKAGE", "SERVICE_MINUTES",
                    "PARTICIPANTS", "TOWNSHIP_COVERAGE", "EVALUATION_SCORE"}, defaultValue = "RECORDS"))
            @QueryParam("measure") @DefaultValue("RECORDS") String measure,
            @Parameter(description = RankingResource.NORMALISE, schema = @Schema(type = SchemaType.STRING, enumeration = {"NONE", "PER_STATION", "PER_WORKER"}, defaultValue = "NONE"))
            @QueryParam("normalise") @DefaultValue("NONE") String normalise) {
        return export(format, () -> ranking(region, period, from, to, subjects, measure, normalise));
    }

    @GET
    @Path("/warnings.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportWarnings", summary = "Export the warnings of a region subtree (导出预警)",
            description = "Filters as GET /api/v1/warnings; the newest limit (≤ 200), one row per warning.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response warnings(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "Only warnings in this status") @QueryParam("status") WarningStatus status,
            @Parameter(description = "Only warnings of this rule") @QueryParam("kind") WarningKind kind,
            @Parameter(description = "At most this many warnings, newest first", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "200", defaultValue = "200"))
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(200) int limit) {
        return export(format, () -> warnings(region, status, kind, limit));
    }

    @GET
    @Path("/reports.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportReports", summary = "Export the reports of a region subtree (导出报表)",
            description = "The newest limit (≤ 200) reports with their main figures, one row per report. Filters as GET /api/v1/reports.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response reports(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "Only reports of this kind of period") @QueryParam("periodType") PeriodType type,
            @Parameter(description = "Only reports in this status") @QueryParam("status") ReportStatus status,
            @Parameter(description = "At most this many reports, newest period first", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "200", defaultValue = "200"))
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(200) int limit) {
        return export(format, () -> reports(region, type, status, limit));
    }

    @GET
    @Path("/bulletins/{id}.{format:csv|xlsx}")
    @Produces({CsvWriter.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(operationId = "exportBulletin", summary = "Export a monthly bulletin (导出月度通报)",
            description = "The bulletin's rankings, one row per measure and child region, with the bureau's comment per child region.")
    @APIResponse(responseCode = "200", description = "The file, as the path's extension says (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<table>.csv\" or .xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such bulletin in your scope")
    public Response bulletin(
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @PathParam("format") String format,
            @Parameter(description = "Bulletin id") @PathParam("id") UUID id) {
        return export(format, () -> bulletin(id));
    }

    private Table bulletin(UUID id) {
        BulletinView b = bulletins.get(id);
        Table table = new Table("bulletin-" + b.regionCode() + "-" + b.month(), "measure", "normalise", "rank",
                "previousRank", "rankChange", "code", "name", "raw", "stations", "workers", "value", "comment");
        for (Ranking r : b.rankings()) {
            for (Ranking.Row row : r.rows()) {
                table.row(r.measure(), r.normalise(), row.rank(), row.previousRank(), row.rankChange(), row.id(),
                        row.name(), row.raw(), row.stations(), row.workers(), row.value(), b.comments().get(row.id()));
            }
        }
        return table;
    }

    private Table network(String region, Integer year) {
        DashboardViews.Network n = dashboards.network(region, year);
        Table table = new Table("network-" + n.region().code(), "code", "name", "stations", "operatingStations",
                "townships", "townshipsCovered", "townshipCoverage", "villages", "villagesCovered", "villageCoverage");
        for (DashboardViews.NetworkChild c : n.children()) {
            DashboardViews.Coverage v = c.coverage();
            table.row(c.code(), c.name(), c.stations(), c.operatingStations(), v.townships(), v.townshipsCovered(),
                    v.townshipCoverage(), v.villages(), v.villagesCovered(), v.villageCoverage());
        }
        return table;
    }

    private Table coverage(String region, String period, String from, String to) {
        DashboardViews.CoverageDashboard d = dashboards.coverage(region, Period.parseOrToday(period, from, to, clock.today()));
        Table table = new Table("coverage-" + d.region().code() + "-" + d.coverageOn(), "code", "name", "townships",
                "townshipsCovered", "townshipCoverage", "villages", "villagesCovered", "villageCoverage");
        for (DashboardViews.CoverageChild c : d.children()) {
            coverage(table, c.code(), c.name(), c.coverage());
        }
        coverage(table, d.region().code(), d.region().name(), d.coverage());
        return table;
    }

    private static void coverage(Table table, String code, String name, DashboardViews.Coverage v) {
        table.row(code, name, v.townships(), v.townshipsCovered(), v.townshipCoverage(), v.villages(),
                v.villagesCovered(), v.villageCoverage());
    }

    private Table serviceOutput(String region, String period, String from, String to) {
        DashboardViews.ServiceOutput o = dashboards.serviceOutput(region, Period.parse(period, from, to));
        Table table = new Table("service-output-" + o.region().code() + "-" + o.period().start(), "code", "name",
                "records", "visits", "caseSessions", "groupSessions", "communityActivities", "consultations", "referrals",
                "resourceLinkages", "serviceHours", "participants", "distinctClients");
        for (DashboardViews.OutputChild c : o.children()) {
            figures(table, c.code(), c.name(), c.figures());
        }
        figures(table, o.region().code(), o.region().name(), o.totals());
        return table;
    }

    private Table workforce(String region, String period, String from, String to) {
        DashboardViews.WorkforceDashboard d = dashboards.workforce(region, Period.parse(period, from, to));
        List<DashboardViews.Workforce> all = new ArrayList<>();
        d.children().forEach(c -> all.add(c.workforce()));
        all.add(d.totals());
        List<String> categories = keys(WORKER_CATEGORIES, all.stream().map(DashboardViews.Workforce::byCategory));
        List<String> levels = keys(QUALIFICATION_LEVELS, all.stream().map(DashboardViews.Workforce::byQualificationLevel));
        List<String> header = new ArrayList<>(List.of("code", "name", "workers"));
        categories.forEach(k -> header.add("category." + k));
        levels.forEach(k -> header.add("qualification." + k));
        header.addAll(List.of("certifiedShare", "operatingStations", "staffPerStation", "trainingHours",
                "trainingAttendances", "volunteers", "volunteerHours", "workersDispatched", "receivingCounties",
                "localTrainees"));
        Table table = new Table("workforce-" + d.region().code() + "-" + d.period().start(), header.toArray(String[]::new));
        for (DashboardViews.WorkforceChild c : d.children()) {
            workforce(table, c.code(), c.name(), c.workforce(), categories, levels);
        }
        workforce(table, d.region().code(), d.region().name(), d.totals(), categories, levels);
        return table;
    }

    private static void workforce(Table table, String code, String name, DashboardViews.Workforce w,
            List<String> categories, List<String> levels) {
        List<Object> cells = new ArrayList<>(Arrays.asList(code, name, w.workers()));
        categories.forEach(k -> cells.add(w.byCategory().getOrDefault(k, 0L)));
        levels.forEach(k -> cells.add(w.byQualificationLevel().getOrDefault(k, 0L)));
        cells.addAll(Arrays.asList(w.certifiedShare(), w.operatingStations(), w.staffPerStation(), w.trainingHours(),
                w.trainingAttendances(), w.volunteers(), w.volunteerHours(), w.workersDispatched(), w.receivingCounties(),
                w.localTrainees()));
        table.row(cells.toArray());
    }

    private Table projects(String region) {
        DashboardViews.ProjectsDashboard d = dashboards.projects(region);
        List<DashboardViews.Money> all = new ArrayList<>();
        d.byPurchaser().forEach(c -> all.add(c.money()));
        all.add(d.totals());
        List<String> statuses = keys(PROJECT_STATUSES, all.stream().map(DashboardViews.Money::byStatus));
        List<String> sources = keys(FUNDING_SOURCES, all.stream().map(DashboardViews.Money::budgetFenBySource));
        List<String> header = new ArrayList<>(List.of("code", "name", "projects"));
        statuses.forEach(k -> header.add("status." + k));
        header.addAll(List.of("budgetFen", "disbursedFen"));
        sources.forEach(k -> header.add("budgetFen." + k));
        Table table = new Table("projects-" + d.region().code(), header.toArray(String[]::new));
        for (DashboardViews.MoneyChild c : d.byPurchaser()) {
            money(table, c.code(), c.name(), c.money(), statuses, sources);
        }
        money(table, d.region().code(), d.region().name(), d.totals(), statuses, sources);
        return table;
    }

    private static void money(Table table, String code, String name, DashboardViews.Money m, List<String> statuses,
            List<String> sources) {
        List<Object> cells = new ArrayList<>(Arrays.asList(code, name, m.projects()));
        statuses.forEach(k -> cells.add(m.byStatus().getOrDefault(k, 0L)));
        cells.addAll(List.of(m.budgetFen(), m.disbursedFen()));
        sources.forEach(k -> cells.add(m.budgetFenBySource().getOrDefault(k, 0L)));
        table.row(cells.toArray());
    }

    private Table compliance(String region, String period, String from, String to) {
        DashboardViews.ComplianceDashboard d = dashboards.compliance(region, Period.parse(period, from, to));
        Table table = new Table("visit-compliance-" + d.region().code() + "-" + d.period().start(), "code", "name",
                "keyClientMonths", "compliantClientMonths", "share");
        for (DashboardViews.ComplianceChild c : d.children()) {
            table.row(c.code(), c.name(), c.compliance().keyClientMonths(), c.compliance().compliantClientMonths(),
                    c.compliance().share());
        }
        table.row(d.region().code(), d.region().name(), d.totals().keyClientMonths(), d.totals().compliantClientMonths(),
                d.totals().share());
        return table;
    }

    private Table evaluations(String region, String period, String from, String to) {
        DashboardViews.EvaluationsDashboard d = dashboards.evaluations(region, Period.parse(period, from, to));
        List<DashboardViews.Evaluations> all = new ArrayList<>();
        d.children().forEach(c -> all.add(c.evaluations()));
        all.add(d.totals());
        List<String> grades = keys(GRADES, all.stream().map(DashboardViews.Evaluations::byGrade));
        List<String> bands = keys(SCORE_BANDS, all.stream().map(DashboardViews.Evaluations::byScoreBand));
        List<String> header = new ArrayList<>(List.of("code", "name", "completed", "averageScore"));
        grades.forEach(k -> header.add("grade." + k));
        bands.forEach(k -> header.add("score." + k));
        Table table = new Table("evaluations-" + d.region().code() + "-" + d.period().start(),
                header.toArray(String[]::new));
        for (DashboardViews.EvaluationChild c : d.children()) {
            evaluations(table, c.code(), c.name(), c.evaluations(), grades, bands);
        }
        evaluations(table, d.region().code(), d.region().name(), d.totals(), grades, bands);
        return table;
    }

    private static void evaluations(Table table, String code, String name, DashboardViews.Evaluations e,
            List<String> grades, List<String> bands) {
        List<Object> cells = new ArrayList<>(Arrays.asList(code, name, e.completed(), e.averageScore()));
        grades.forEach(k -> cells.add(e.byGrade().getOrDefault(k, 0L)));
        bands.forEach(k -> cells.add(e.byScoreBand().getOrDefault(k, 0L)));
        table.row(cells.toArray());
    }

    /**
     * The columns of a breakdown: the values the producers define, in their order, so that the
     * columns stay the same from one export to the next; then any other key found, sorted.
     */
    private static List<String> keys(List<String> known, Stream<Map<String, Long>> breakdowns) {
        Set<String> keys = new LinkedHashSet<>(known);
        keys.addAll(breakdowns.flatMap(m -> m.keySet().stream()).sorted().toList());
        return new ArrayList<>(keys);
    }

    private Table ranking(String region, String period, String from, String to, String subjects, String measure,
            String normalise) {
        RankingResource.checkChoices(subjects, measure, normalise);
        Ranking r = rankings.rank(region, Period.parse(period, from, to), subjects, measure, normalise);
        Table table = new Table("ranking-" + r.region().code() + "-" + measure, "rank", "previousRank", "rankChange",
                "id", "name", "raw", "stations", "workers", "value");
        for (Ranking.Row row : r.rows()) {
            table.row(row.rank(), row.previousRank(), row.rankChange(), row.id(), row.name(), row.raw(), row.stations(),
                    row.workers(), row.value());
        }
        return table;
    }

    private Table warnings(String region, WarningStatus status, WarningKind kind, int limit) {
        Table table = new Table("warnings", "id", "kind", "regionCode", "subjectType", "subjectId", "severity", "detail",
                "measured", "threshold", "status", "raisedAt", "updatedAt");
        for (WarningView w : warnings.newest(region, status, kind, limit)) {
            table.row(w.id(), w.kind(), w.regionCode(), w.subjectType(), w.subjectId(), w.severity(), w.detail(),
                    w.measured(), w.threshold(), w.status(), w.raisedAt(), w.updatedAt());
        }
        return table;
    }

    private Table reports(String region, PeriodType type, ReportStatus status, int limit) {
        Table table = new Table("reports", "id", "regionCode", "periodType", "periodStart", "periodEnd", "status",
                "submittedAt", "approvedAt", "records", "visits", "serviceHours", "townshipCoverage", "narrative");
        for (ReportView r : reports.newest(region, type, status, limit)) {
            table.row(r.id(), r.regionCode(), r.periodType(), r.periodStart(), r.periodEnd(), r.status(),
                    r.submittedAt(), r.approvedAt(), r.figures().serviceOutput().records(),
                    r.figures().serviceOutput().visits(), r.figures().serviceOutput().serviceHours(),
                    r.figures().coverage().townshipCoverage(), r.narrative());
        }
        return table;
    }

    private static void figures(Table table, String code, String name, DashboardViews.Figures f) {
        table.row(code, name, f.records(), f.visits(), f.caseSessions(), f.groupSessions(), f.communityActivities(),
                f.consultations(), f.referrals(), f.resourceLinkages(), f.serviceHours(), f.participants(),
                f.distinctClients());
    }

    /** The export as a file of the format its path names: {@code csv} or {@code xlsx}. */
    private static Response export(String format, Supplier<Table> export) {
        Table table = export.get();
        if ("xlsx".equals(format)) {
            return file(Xlsx.write(table), Xlsx.MEDIA_TYPE, table.fileName() + ".xlsx");
        }
        // Negative figures (a fall in rank) must stay numbers that the spreadsheet can sort, as in the XLSX.
        return file(CsvWriter.write(table.header(), table.rows(), NegativeNumbers.AS_NUMBERS), CsvWriter.MEDIA_TYPE,
                table.fileName() + ".csv");
    }

    private static Response file(byte[] body, String mediaType, String name) {
        return Response.ok(body, mediaType).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
