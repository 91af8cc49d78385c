package org.socialwork.reporting.report;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.reporting.dashboard.DashboardResource;
import org.socialwork.reporting.dashboard.Period;
import org.socialwork.reporting.dashboard.PeriodType;

import io.quarkus.security.Authenticated;

@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Periodic county reports: submitted, approved or returned at city and province level; "
        + "approval locks the period (定期统计报表)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String ID = "Report id";
    static final String IF_MATCH = "The ETag of the version the change is based on";

    static final String CREATE_EXAMPLE = """
            {"regionCode": "330481", "periodType": "MONTH", "period": "2026-09",
             "narrative": "海宁市 2026-09 社工站运行平稳，重点对象走访按月完成。"}
            """;

    static final String UPDATE_EXAMPLE = """
            {"narrative": "海宁市 2026-09 社工站运行平稳，重点对象走访按月完成；硖石街道新增 2 个村社工室。"}
            """;

    static final String APPROVE_EXAMPLE = """
            {"decision": "APPROVE", "comment": "嘉兴市审核通过"}
            """;

    static final String RETURN_EXAMPLE = """
            {"decision": "RETURN", "comment": "请补充重点对象走访未达标的原因"}
            """;

    static final String REOPEN_EXAMPLE = """
            {"comment": "服务记录补录后重新统计"}
            """;

    static final String FIGURES = """
            {"asOf": "2026-10-08T01:00:00Z",
             "serviceOutput": {"records": 412, "visits": 236, "caseSessions": 58, "groupSessions": 21,
                               "communityActivities": 9, "consultations": 64, "referrals": 14, "resourceLinkages": 10,
                               "serviceHours": 618.5, "participants": 1530, "distinctClients": 301,
                               "byCategory": {"ELDERLY_CARE": 180, "CHILD_WELFARE": 96, "SOCIAL_ASSISTANCE": 136}},
             "coverage": {"townships": 12, "townshipsCovered": 11, "townshipCoverage": 0.9167,
                          "villages": 235, "villagesCovered": 176, "villageCoverage": 0.7489},
             "operatingStations": 12,
             "visitCompliance": {"keyClientMonths": 120, "compliantClientMonths": 111, "share": 0.9250}}""";

    static final String CREATED_EXAMPLE = """
            {"id": "5b7e2c91-3f4a-4d8e-9a61-2c0f8e7d4b13", "regionCode": "330481", "periodType": "MONTH",
             "periodStart": "2026-09-01", "periodEnd": "2026-09-30", "status": "DRAFT",
             "narrative": "海宁市 2026-09 社工站运行平稳，重点对象走访按月完成。", "figures": """ + FIGURES + """
            , "dueOn": "2026-10-12", "createdBy": "bureau-admin-330481", "createdAt": "2026-10-08T01:00:00Z",
             "reviews": [], "version": 0, "updatedAt": "2026-10-08T01:00:00Z"}
            """;

    static final String REPORT_EXAMPLE = """
            {"id": "5b7e2c91-3f4a-4d8e-9a61-2c0f8e7d4b13", "regionCode": "330481", "periodType": "MONTH",
             "periodStart": "2026-09-01", "periodEnd": "2026-09-30", "status": "CITY_APPROVED",
             "narrative": "海宁市 2026-09 社工站运行平稳，重点对象走访按月完成。", "figures": """ + FIGURES + """
            , "dueOn": "2026-10-12", "createdBy": "bureau-admin-330481", "createdAt": "2026-10-08T01:00:00Z",
             "submittedAt": "2026-10-09T02:30:00Z",
             "reviews": [{"level": "CITY", "decision": "APPROVE", "comment": "嘉兴市审核通过", "by": "bureau-admin-3304",
                          "at": "2026-10-10T06:00:00Z"}],
             "version": 2, "updatedAt": "2026-10-10T06:00:00Z"}
            """;

    static final String TIMELINESS_EXAMPLE = """
            {"regionCode": "3304", "periodType": "MONTH", "periodStart": "2026-09-01", "periodEnd": "2026-09-30",
             "dueOn": "2026-10-12", "onTime": 1, "late": 1, "missing": 1,
             "counties": [{"code": "330481", "name": "海宁市", "filing": "ON_TIME", "submittedAt": "2026-10-09T02:30:00Z",
                           "reportStatus": "CITY_APPROVED"},
                          {"code": "330482", "name": "平湖市", "filing": "LATE", "submittedAt": "2026-10-14T03:00:00Z",
                           "reportStatus": "SUBMITTED"},
                          {"code": "330483", "name": "桐乡市", "filing": "MISSING"}]}
            """;

    @Inject
    ReportService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(operationId = "createReport", summary = "Compile a county report (编制县级报表)",
            description = "bureau-admin covering the county; figures are compiled from the read models. A week (2026-W36), "
                    + "month (2026-09) or quarter (2026-Q3) as periodType says. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Compiled as a draft; Location names the report, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class),
                    examples = @ExampleObject(name = "draft", summary = "Haining's September report, compiled", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The county already has a report for this period")
    @Idempotent
    public RestResponse<ReportView> create(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportRequests.Create.class),
                    examples = @ExampleObject(name = "monthly", summary = "Haining's report for September", value = CREATE_EXAMPLE)))
            @NotNull @Valid ReportRequests.Create request) {
        ReportView view = service.create(request);
        return RestResponse.ResponseBuilder.<ReportView>created(URI.create("/api/v1/reports/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(operationId = "listReports", summary = "List the reports of a region subtree (报表列表)",
            description = "Keyset-paginated, newest period first (limit ≤ 200, default 50; follow `next`).")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Page<ReportView> list(
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "Only reports of this kind of period") @QueryParam("periodType") PeriodType type,
            @Parameter(description = "Only reports in this status") @QueryParam("status") ReportStatus status,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page; absent for the first page") @QueryParam("cursor") String cursor) {
        return service.page(region, type, status, PageRequest.of(limit, cursor, 3), uriInfo);
    }

    @GET
    @Path("/timeliness")
    @Operation(operationId = "getReportTimeliness", summary = "Filing timeliness (报表报送及时率)",
            description = "Every county below the region: ON_TIME, LATE or MISSING for a period (periodType WEEK/MONTH/QUARTER, "
                    + "period 2024-W36 / 2024-09 / 2024-Q3).")
    @APIResponse(responseCode = "200", description = "The counties' filings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Timeliness.class),
                    examples = @ExampleObject(name = "jiaxing", summary = "Jiaxing's counties for September", value = TIMELINESS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Timeliness timeliness(
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "3304")
            @QueryParam("region") String region,
            @Parameter(description = "WEEK, MONTH or QUARTER") @QueryParam("periodType") PeriodType type,
            @Parameter(description = "The period: 2026-W36, 2026-09 or 2026-Q3", schema = @Schema(type = SchemaType.STRING,
                    pattern = "^\\d{4}-(W\\d{2}|\\d{2}|Q[1-4])$"), example = "2026-09")
            @QueryParam("period") String period) {
        if (period != null) {
            // A malformed period is named even when the region is missing or unknown too.
            Period.parse(period, null, null);
        }
        return service.timeliness(region, type, period);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReport", summary = "Read a report (查看报表)", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The report; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class),
                    examples = @ExampleObject(name = "cityApproved", summary = "Approved by the city, waiting for the province", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such report in your scope")
    public RestResponse<ReportView> get(@Parameter(description = ID) @PathParam("id") UUID id) {
        ReportView view = service.get(id);
        return RestResponse.ok(view);
    }

    @PATCH
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateReport", summary = "Change the narrative (修改报表说明)",
            description = "Draft or returned reports; recompiles the figures. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The report; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report in your scope")
    public RestResponse<ReportView> update(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportRequests.Update.class),
                    examples = @ExampleObject(name = "narrative", summary = "A longer narrative", value = UPDATE_EXAMPLE)))
            @NotNull @Valid ReportRequests.Update request) {
        ReportView view = service.update(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "submitReport", summary = "Submit a report (报送报表)",
            description = "By the county bureau (6-digit region claim). Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The report, SUBMITTED; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report in your scope")
    public RestResponse<ReportView> submit(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ReportView view = service.submit(id, ifMatch);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/review")
    @Operation(operationId = "reviewReport", summary = "Approve or return a report (审核报表)",
            description = "A submitted report by its city bureau, a city-approved one by its province bureau; the province's "
                    + "approval locks the period (reporting.period.v1). Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The report after the decision; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report in your scope")
    public RestResponse<ReportView> review(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportRequests.Decision.class),
                    examples = {@ExampleObject(name = "approve", summary = "The city approves", value = APPROVE_EXAMPLE),
                            @ExampleObject(name = "return", summary = "Returned with a comment", value = RETURN_EXAMPLE)}))
            @NotNull @Valid ReportRequests.Decision decision) {
        ReportView view = service.review(id, ifMatch, decision);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/reopen")
    @Operation(operationId = "reopenReport", summary = "Reopen an approved period (重新开放已审定报表)",
            description = "Province bureau; publishes the period unlocked. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The report, reopened; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report in your scope")
    public RestResponse<ReportView> reopen(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportRequests.Reopen.class),
                    examples = @ExampleObject(name = "lateRecords", summary = "Late service records to count", value = REOPEN_EXAMPLE)))
            @NotNull @Valid ReportRequests.Reopen request) {
        ReportView view = service.reopen(id, ifMatch, request);
        return RestResponse.ok(view);
    }
}
