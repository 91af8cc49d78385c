package org.socialwork.reporting.dashboard;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.time.CalendarPeriod;
import org.socialwork.platform.web.QueryParams;
import org.socialwork.reporting.dashboard.DashboardViews.ComplianceDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.CoverageDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.EvaluationsDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.Network;
import org.socialwork.reporting.dashboard.DashboardViews.ProjectsDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.ServiceOutput;
import org.socialwork.reporting.dashboard.DashboardViews.WorkforceDashboard;

import io.quarkus.security.Authenticated;

/**
 * One call per dashboard, for any region (default: the caller's own) and any period:
 * {@code period=2024-09-03 | 2024-W36 | 2024-09 | 2024-Q3 | 2024} or {@code from}/{@code to}.
 */
@Path("/api/v1/dashboards")
@Tag(name = "Dashboards", description = "Aggregates for bureaus and dashboards, drilled down by child region (统计看板)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    /** The region query parameter of the dashboards, rankings, lists and exports. */
    public static final String REGION = "Division code of the region (2, 4, 6, 9 or 12 digits, e.g. 330481 for Haining); "
            + "the caller's own region when absent. A region outside the caller's scope answers 404";
    /** A period as {@link Period#parse(String)} reads it. */
    public static final String PERIOD_PATTERN = CalendarPeriod.PATTERN;
    public static final String PERIOD = "A day (2026-09-03), ISO week (2026-W36), month (2026-09), quarter (2026-Q3) "
            + "or year (2026); or give from and to instead";
    public static final String FROM = "First day of a date range (with to, instead of period)";
    public static final String TO = "Last day of a date range, inclusive (with from, instead of period)";
    public static final String DIVISION_CODE_PATTERN = QueryParams.DIVISION_CODE_PATTERN;
    /**
     * The (custom) format of a region query parameter: a division code of 2, 4, 6, 9 or 12 digits. Not a
     * pattern: a malformed code is answered like an unknown region (404), not refused as malformed.
     */
    public static final String DIVISION_CODE_FORMAT = "division-code";

    static final String NETWORK_EXAMPLE = """
            {"region": {"code": "330481", "name": "海宁市", "level": "COUNTY"}, "asOf": "2026-10-20T08:00:00Z",
             "stationsByLevelAndStatus": [{"level": "COUNTY_HUB", "status": "OPERATING", "count": 1},
                                          {"level": "TOWNSHIP_STATION", "status": "OPERATING", "count": 11},
                                          {"level": "TOWNSHIP_STATION", "status": "ESTABLISHED", "count": 1}],
             "coverageOn": "2026-10-20",
             "coverage": {"townships": 12, "townshipsCovered": 11, "townshipCoverage": 0.9167,
                          "villages": 235, "villagesCovered": 180, "villageCoverage": 0.7660},
             "target": {"year": 2026, "targetPercent": 100, "progress": 0.9167, "townshipsStillNeeded": 1},
             "pilots": 2, "demonstrations": 1,
             "children": [{"code": "330481001", "name": "硖石街道", "stations": 4, "operatingStations": 4,
                           "coverage": {"townships": 1, "townshipsCovered": 1, "townshipCoverage": 1.0000,
                                        "villages": 20, "villagesCovered": 16, "villageCoverage": 0.8000}}]}
            """;

    static final String COVERAGE_EXAMPLE = """
            {"region": {"code": "330481", "name": "海宁市", "level": "COUNTY"},
             "period": {"type": "MONTH", "start": "2026-09-01", "end": "2026-09-30"}, "coverageOn": "2026-09-30",
             "asOf": "2026-10-20T08:00:00Z",
             "coverage": {"townships": 12, "townshipsCovered": 11, "townshipCoverage": 0.9167,
                          "villages": 235, "villagesCovered": 176, "villageCoverage": 0.7489},
             "target": {"year": 2026, "targetPercent": 100, "progress": 0.9167, "townshipsStillNeeded": 1},
             "children": [{"code": "330481001", "name": "硖石街道",
                           "coverage": {"townships": 1, "townshipsCovered": 1, "townshipCoverage": 1.0000,
                                        "villages": 20, "villagesCovered": 16, "villageCoverage": 0.8000}}]}
            """;

    static final String FIGURES = """
            {"records": 412, "visits": 236, "caseSessions": 58, "groupSessions": 21, "communityActivities": 9,
             "consultations": 64, "referrals": 14, "resourceLinkages": 10, "serviceHours": 618.5, "participants": 1530,
             "distinctClients": 301, "byCategory": {"ELDERLY_CARE": 180, "CHILD_WELFARE": 96, "SOCIAL_ASSISTANCE": 136}}""";

    static final String SERVICE_OUTPUT_EXAMPLE = """
            {"region": {"code": "330481", "name": "海宁市", "level": "COUNTY"},
             "period": {"type": "MONTH", "start": "2026-09-01", "end": "2026-09-30"}, "asOf": "2026-10-20T08:00:00Z",
             "totals": """ + FIGURES + """
            , "granularity": "DAY",
             "series": [{"start": "2026-09-01", "figures": {"records": 14, "visits": 8, "caseSessions": 2, "groupSessions": 1,
                         "communityActivities": 0, "consultations": 2, "referrals": 1, "resourceLinkages": 0,
                         "serviceHours": 20.5, "participants": 41, "distinctClients": 12, "byCategory": {"ELDERLY_CARE": 9}}}],
             "children": [{"code": "330481001", "name": "硖石街道", "figures": """ + FIGURES + """
            }]}
            """;

    static final String WORKFORCE_EXAMPLE = """
            {"region": {"code": "330481", "name": "海宁市", "level": "COUNTY"},
             "period": {"type": "YEAR", "start": "2026-01-01", "end": "2026-12-31"}, "asOf": "2026-10-20T08:00:00Z",
             "totals": {"workers": 48, "byCategory": {"STATION_FULL_TIME": 30, "PROJECT_WORKER": 12, "SUPERVISOR": 6},
                        "byQualificationLevel": {"NONE": 14, "ASSISTANT": 22, "INTERMEDIATE": 11, "SENIOR": 1},
                        "certifiedShare": 0.7083, "operatingStations": 12, "staffPerStation": 4.00, "trainingHours": 320.0,
                        "trainingAttendances": 96, "volunteers": 210, "volunteerHours": 1840.5, "workersDispatched": 2,
                        "receivingCounties": 1, "localTrainees": 6},
             "children": [{"code": "330481001", "name": "硖石街道",
                           "workforce": {"workers": 5, "byCategory": {"STATION_FULL_TIME": 4, "SUPERVISOR": 1},
                                         "byQualificationLevel": {"ASSISTANT": 3, "INTERMEDIATE": 2}, "certifiedShare": 1.0000,
                                         "operatingStations": 1, "staffPerStation": 5.00, "trainingHours": 32.0,
                                         "trainingAttendances": 10, "volunteers": 25, "volunteerHours": 160.0,
                                         "workersDispatched": 0, "receivingCounties": 0, "localTrainees": 0}}]}
            """;

    static final String PROJECTS_EXAMPLE = """
            {"region": {"code": "330481", "name": "海宁市", "level": "COUNTY"}, "asOf": "2026-10-20T08:00:00Z",
             "totals": {"projects": 6, "byStatus": {"CONTRACTED": 1, "IN_SERVICE": 4, "COMPLETED": 1},
                        "budgetFen": 360000000, "disbursedFen": 150000000,
                        "budgetFenBySource": {"FISCAL_BUDGET": 300000000, "WELFARE_LOTTERY_FUND": 60000000}},
             "byPurchaser": [{"code": "330481", "name": "海宁市",
                              "money": {"projects": 6, "byStatus": {"CONTRACTED": 1, "IN_SERVICE": 4, "COMPLETED": 1},
                                        "budgetFen": 360000000, "disbursedFen": 150000000,
                                        "budgetFenBySource": {"FISCAL_BUDGET": 300000000, "WELFARE_LOTTERY_FUND": 60000000}}}]}
            """;

    static final String COMPLIANCE_EXAMPLE = """
            {"region": {"code": "330481", "name": "海宁市", "level": "COUNTY"},
             "period": {"type": "MONTH", "start": "2026-09-01", "end": "2026-09-30"}, "asOf": "2026-10-20T08:00:00Z",
             "totals": {"keyClientMonths": 120, "compliantClientMonths": 111, "share": 0.9250},
             "children": [{"code": "330481001", "name": "硖石街道",
                           "compliance": {"keyClientMonths": 14, "compliantClientMonths": 14, "share": 1.0000}}]}
            """;

    static final String EVALUATIONS_EXAMPLE = """
            {"region": {"code": "330481", "name": "海宁市", "level": "COUNTY"},
             "period": {"type": "YEAR", "start": "2026-01-01", "end": "2026-12-31"}, "asOf": "2026-10-20T08:00:00Z",
             "totals": {"completed": 4, "averageScore": 86.25, "byGrade": {"EXCELLENT": 1, "GOOD": 3},
                        "byScoreBand": {"80_90": 3, "90_100": 1}},
             "children": [{"code": "330481001", "name": "硖石街道",
                           "evaluations": {"completed": 1, "averageScore": 91.00, "byGrade": {"EXCELLENT": 1},
                                           "byScoreBand": {"90_100": 1}}}]}
            """;

    @Inject
    DashboardService service;

    @Inject
    BusinessClock clock;

    @GET
    @Path("/network")
    @Operation(operationId = "getNetworkDashboard", summary = "Network and coverage (站点网络与覆盖率)",
            description = "Stations by level and status, pilots and demonstration stations (current state); township and "
                    + "village-room coverage and progress against the yearly target, as of the end of the year (today for "
                    + "the current year); one row per child region.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Network.class),
                    examples = @ExampleObject(name = "haining", summary = "Haining's station network", value = NETWORK_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Network network(
            @Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING, format = DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "The year whose coverage and target to show (2000–2100); the current year when absent", example = "2026")
            @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return service.network(region, year);
    }

    @GET
    @Path("/coverage")
    @Operation(operationId = "getCoverageDashboard", summary = "Coverage on a day (社工站覆盖率)",
            description = "Township and village-room coverage of the region and its children on the last day of the period "
                    + "(today when it has not ended; today without a period), with progress against that year's target.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverageDashboard.class),
                    examples = @ExampleObject(name = "september", summary = "Haining's coverage at the end of September", value = COVERAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public CoverageDashboard coverage(
            @Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING, format = DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = PERIOD + "; today when neither is given", schema = @Schema(type = SchemaType.STRING, pattern = PERIOD_PATTERN), example = "2026-09")
            @QueryParam("period") String period,
            @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return service.coverage(region, Period.parseOrToday(period, from, to, clock.today()));
    }

    @GET
    @Path("/service-output")
    @Operation(operationId = "getServiceOutputDashboard", summary = "Service output (服务产出统计)",
            description = "Visits, case sessions, group sessions, community activities, service hours, distinct clients, by "
                    + "service-item category; totals, a time series (by day, or by month for long periods) and the children.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceOutput.class),
                    examples = @ExampleObject(name = "september", summary = "Haining's service output in September", value = SERVICE_OUTPUT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid or missing period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public ServiceOutput serviceOutput(
            @Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING, format = DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = PERIOD_PATTERN), example = "2026-09")
            @QueryParam("period") String period,
            @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return service.serviceOutput(region, Period.parse(period, from, to));
    }

    @GET
    @Path("/workforce")
    @Operation(operationId = "getWorkforceDashboard", summary = "Workforce (社工人才队伍)",
            description = "Workers by category and qualification level, certified share, staff per operating station, "
                    + "training hours in the period, volunteers, dispatch programmes of the period's years.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkforceDashboard.class),
                    examples = @ExampleObject(name = "year", summary = "Haining's workforce in 2026", value = WORKFORCE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid or missing period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public WorkforceDashboard workforce(
            @Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING, format = DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = PERIOD_PATTERN), example = "2026")
            @QueryParam("period") String period,
            @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return service.workforce(region, Period.parse(period, from, to));
    }

    @GET
    @Path("/projects")
    @Operation(operationId = "getProjectsDashboard", summary = "Projects and money (购买服务项目与资金)",
            description = "Projects by status, budget by funding source, disbursed amounts, by purchasing bureau (amounts in fen).")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectsDashboard.class),
                    examples = @ExampleObject(name = "haining", summary = "Haining's purchased-service projects", value = PROJECTS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public ProjectsDashboard projects(
            @Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING, format = DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region) {
        return service.projects(region);
    }

    @GET
    @Path("/visit-compliance")
    @Operation(operationId = "getVisitComplianceDashboard", summary = "Key-client visit compliance (重点对象走访达标率)",
            description = "Share of key and high-risk client-months visited at least as often as required; whole months only.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceDashboard.class),
                    examples = @ExampleObject(name = "september", summary = "Haining's visit compliance in September", value = COMPLIANCE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid period or not whole months")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public ComplianceDashboard compliance(
            @Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING, format = DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = PERIOD + " (whole months only)", schema = @Schema(type = SchemaType.STRING, pattern = PERIOD_PATTERN), example = "2026-09")
            @QueryParam("period") String period,
            @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return service.compliance(region, Period.parse(period, from, to));
    }

    @GET
    @Path("/evaluations")
    @Operation(operationId = "getEvaluationsDashboard", summary = "Evaluations (项目绩效评估)",
            description = "Completed evaluations of the period: average score, grades, score bands.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationsDashboard.class),
                    examples = @ExampleObject(name = "year", summary = "Haining's evaluations in 2026", value = EVALUATIONS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid or missing period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public EvaluationsDashboard evaluations(
            @Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING, format = DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = PERIOD_PATTERN), example = "2026")
            @QueryParam("period") String period,
            @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return service.evaluations(region, Period.parse(period, from, to));
    }
}
