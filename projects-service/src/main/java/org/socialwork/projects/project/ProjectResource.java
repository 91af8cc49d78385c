package org.socialwork.projects.project;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/projects")
@Tag(name = "Projects", description = "Purchased-service projects: procurement, contract, budget, disbursements, lifecycle, progress (政府购买社会工作服务项目)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    static final String CURSOR = "The nextCursor of the previous page; absent for the first page";

    static final String IF_MATCH = "The ETag of the project version the change is based on";

    /** The Haining station-operation project of the demo data. */
    static final String CREATE_EXAMPLE = """
            {"code": "HN-2024-SGZ-01", "name": "海宁市 2024 年度乡镇（街道）社工站运营服务项目",
             "purchaserRegionCode": "330481", "contractorAgencyId": "7d1c3f0e-52a4-4c59-9a0b-2f5a1e6d8c31",
             "stationIds": ["c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64"],
             "periodStart": "2024-07-01", "periodEnd": "2025-06-30", "procurementMethod": "PUBLIC_TENDER",
             "budgetFen": 120000000,
             "funding": [{"source": "SOCIAL_ASSISTANCE_FUND", "amountFen": 80000000},
                         {"source": "WELFARE_LOTTERY_FUND", "amountFen": 40000000}],
             "serviceItems": ["SOCIAL_ASSISTANCE", "ELDERLY_CARE"],
             "targets": [{"indicator": "VISITS", "target": 1200}, {"indicator": "SERVICE_HOURS", "target": 3000},
                         {"indicator": "SATISFACTION_RATE", "target": 90}],
             "staffing": {"minFullTimeWorkers": 3, "minCertifiedWorkers": 2},
             "evaluatorSubjects": ["evaluator-zj-001"]}
            """;

    static final String CREATED_EXAMPLE = """
            {"id": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", "version": 0, "code": "HN-2024-SGZ-01",
             "name": "海宁市 2024 年度乡镇（街道）社工站运营服务项目", "purchaserRegionCode": "330481",
             "contractorAgencyId": "7d1c3f0e-52a4-4c59-9a0b-2f5a1e6d8c31",
             "stationIds": ["c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64"],
             "periodStart": "2024-07-01", "periodEnd": "2025-06-30", "procurementMethod": "PUBLIC_TENDER",
             "status": "DRAFT", "budgetFen": 120000000,
             "funding": [{"source": "SOCIAL_ASSISTANCE_FUND", "amountFen": 80000000},
                         {"source": "WELFARE_LOTTERY_FUND", "amountFen": 40000000}],
             "disbursements": [], "disbursedFen": 0, "serviceItems": ["SOCIAL_ASSISTANCE", "ELDERLY_CARE"],
             "targets": [{"indicator": "VISITS", "target": 1200}, {"indicator": "SERVICE_HOURS", "target": 3000},
                         {"indicator": "SATISFACTION_RATE", "target": 90}],
             "staffing": {"minFullTimeWorkers": 3, "minCertifiedWorkers": 2}, "team": [], "teamChanges": 0,
             "evaluatorSubjects": ["evaluator-zj-001"],
             "createdAt": "2024-05-10T01:00:00Z", "updatedAt": "2024-05-10T01:00:00Z"}
            """;

    static final String PROJECT_EXAMPLE = """
            {"id": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", "version": 9, "code": "HN-2024-SGZ-01",
             "name": "海宁市 2024 年度乡镇（街道）社工站运营服务项目", "purchaserRegionCode": "330481",
             "contractorAgencyId": "7d1c3f0e-52a4-4c59-9a0b-2f5a1e6d8c31",
             "stationIds": ["c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64"],
             "periodStart": "2024-07-01", "periodEnd": "2025-06-30",
             "contractNumber": "HNMZ-2024-017", "contractDate": "2024-06-20", "procurementMethod": "PUBLIC_TENDER",
             "status": "IN_SERVICE", "budgetFen": 120000000,
             "funding": [{"source": "SOCIAL_ASSISTANCE_FUND", "amountFen": 80000000},
                         {"source": "WELFARE_LOTTERY_FUND", "amountFen": 40000000}],
             "disbursements": [{"id": "4f3e2d1c-0b9a-4887-a665-544332211000", "amountFen": 36000000,
                                "plannedOn": "2024-07-15", "condition": "合同签订后", "paidOn": "2024-07-20"}],
             "disbursedFen": 36000000, "serviceItems": ["SOCIAL_ASSISTANCE", "ELDERLY_CARE"],
             "targets": [{"indicator": "VISITS", "target": 1200}, {"indicator": "SERVICE_HOURS", "target": 3000},
                         {"indicator": "SATISFACTION_RATE", "target": 90}],
             "staffing": {"minFullTimeWorkers": 3, "minCertifiedWorkers": 2},
             "team": [{"workerId": "5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69", "role": "PROJECT_LEAD", "since": "2024-07-01"}],
             "teamChanges": 1, "evaluatorSubjects": ["evaluator-zj-001"],
             "createdAt": "2024-05-10T01:00:00Z", "updatedAt": "2024-07-20T08:40:12Z"}
            """;

    static final String UPDATE_EXAMPLE = """
            {"name": "海宁市 2024 年度乡镇（街道）社工站运营服务项目", "contractorAgencyId": "7d1c3f0e-52a4-4c59-9a0b-2f5a1e6d8c31",
             "stationIds": ["c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64"],
             "periodStart": "2024-07-01", "periodEnd": "2025-06-30",
             "contractNumber": "HNMZ-2024-017", "contractDate": "2024-06-20", "procurementMethod": "PUBLIC_TENDER",
             "budgetFen": 120000000,
             "funding": [{"source": "SOCIAL_ASSISTANCE_FUND", "amountFen": 80000000},
                         {"source": "WELFARE_LOTTERY_FUND", "amountFen": 40000000}],
             "serviceItems": ["SOCIAL_ASSISTANCE", "ELDERLY_CARE"],
             "targets": [{"indicator": "VISITS", "target": 1500}, {"indicator": "SERVICE_HOURS", "target": 3000},
                         {"indicator": "SATISFACTION_RATE", "target": 90}],
             "staffing": {"minFullTimeWorkers": 3, "minCertifiedWorkers": 2},
             "evaluatorSubjects": ["evaluator-zj-001"]}
            """;

    static final String CONTRACT_EXAMPLE = """
            {"to": "CONTRACTED", "contractorAgencyId": "7d1c3f0e-52a4-4c59-9a0b-2f5a1e6d8c31",
             "contractNumber": "HNMZ-2024-017", "contractDate": "2024-06-20"}
            """;

    static final String TERMINATE_EXAMPLE = """
            {"to": "TERMINATED", "reason": "承接机构连续两次评估不合格，经局务会议决定终止合同"}
            """;

    static final String DISBURSEMENT_EXAMPLE = """
            {"amountFen": 36000000, "plannedOn": "2024-07-15", "condition": "合同签订后"}
            """;

    static final String PAYMENT_EXAMPLE = """
            {"paidOn": "2024-07-20"}
            """;

    static final String PROGRESS_EXAMPLE = """
            {"projectId": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", "asOf": "2024-12-31", "elapsedShare": 0.5041,
             "indicators": [{"indicator": "VISITS", "target": 1200, "actual": 640, "expected": 604.92, "onPace": true},
                            {"indicator": "SERVICE_HOURS", "target": 3000, "actual": 1420.5, "expected": 1512.3, "onPace": false}]}
            """;

    @Inject
    BusinessClock clock;

    @Inject
    ProjectService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(operationId = "createProject", summary = "Create a project (新建购买服务项目)",
            description = "The project starts as DRAFT. Needs platform-admin or a bureau-admin covering the purchaser region. "
                    + "The funding parts must add up to the budget (in fen); the stations must lie in the purchaser's region. "
                    + "Send an Idempotency-Key to retry safely: a retry with the same key and body replays the first answer.")
    @APIResponse(responseCode = "201", description = "Created; Location names the project, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class),
                    examples = @ExampleObject(name = "created", summary = "The Haining station-operation project, new", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not a platform-admin, or the purchaser region lies outside the bureau's (project.forbidden.region)")
    @APIResponse(responseCode = "409", description = "The project code is taken (project.code.taken), "
            + "or a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "A rule refused it: region (project.region.*), funding (project.funding.mismatch), "
            + "stations (project.station.*), agency (project.agency.unknown), or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<ProjectView> create(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectCreateRequest.class),
                    examples = @ExampleObject(name = "stationOperation", summary = "A county buys a year of station operation", value = CREATE_EXAMPLE)))
            @NotNull @Valid ProjectCreateRequest request) {
        ProjectView view = service.create(request);
        return RestResponse.ResponseBuilder.<ProjectView>created(URI.create("/api/v1/projects/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProject", summary = "Read a project (查看购买服务项目)",
            description = "The project with its funding, disbursements, targets and current team. The ETag is the version "
                    + "to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The project; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class),
                    examples = @ExampleObject(name = "inService", summary = "A contracted project in service", value = PROJECT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such project in your scope")
    public RestResponse<ProjectView> get(@Parameter(description = "Project id") @PathParam("id") UUID id) {
        ProjectView view = service.get(id);
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateProject", summary = "Change a project's terms (修改项目条款)",
            description = "A full replacement of the changeable terms (not the code, purchaser or status). Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Updated; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project in your scope")
    @APIResponse(responseCode = "409", description = "The project is COMPLETED or TERMINATED (project.final)")
    @APIResponse(responseCode = "422", description = "A rule refused it: funding (project.funding.mismatch), stations (project.station.*), agency (project.agency.unknown)")
    public RestResponse<ProjectView> update(@Parameter(description = "Project id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectUpdateRequest.class),
                    examples = @ExampleObject(name = "moreVisits", summary = "The visits target raised to 1,500", value = UPDATE_EXAMPLE)))
            @NotNull @Valid ProjectUpdateRequest request) {
        ProjectView view = service.update(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/transitions")
    @Operation(operationId = "transitionProject", summary = "Move a project along its lifecycle (变更项目状态)",
            description = "DRAFT → TENDERING → CONTRACTED → IN_SERVICE → COMPLETED, or TERMINATED with a reason from any "
                    + "non-final state. CONTRACTED needs the contractor, contract number and date; IN_SERVICE needs the "
                    + "team to meet the staffing requirement. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The project in its new status; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project in your scope")
    @APIResponse(responseCode = "422", description = "Illegal transition, unmet staffing or incomplete contract")
    @APIResponse(responseCode = "409", description = "A team member already serves another IN_SERVICE project")
    public RestResponse<ProjectView> transition(@Parameter(description = "Project id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransitionRequest.class),
                    examples = {@ExampleObject(name = "contract", summary = "The tender is won and the contract signed", value = CONTRACT_EXAMPLE),
                            @ExampleObject(name = "terminate", summary = "The contract is ended early", value = TERMINATE_EXAMPLE)}))
            @NotNull @Valid TransitionRequest request) {
        ProjectView view = service.transition(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/disbursements")
    @Operation(operationId = "planProjectDisbursement", summary = "Plan a disbursement tranche (计划拨付资金)",
            description = "Adds a planned tranche of the contract sum with its condition; all tranches together never "
                    + "exceed the budget. Answers the project (Location names it). Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Planned; the project with the new tranche, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project in your scope")
    @APIResponse(responseCode = "422", description = "The tranches would exceed the budget, or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<ProjectView> disburse(@Parameter(description = "Project id") @PathParam("id") UUID id,
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisbursementRequest.class),
                    examples = @ExampleObject(name = "firstTranche", summary = "30% after the contract is signed", value = DISBURSEMENT_EXAMPLE)))
            @NotNull @Valid DisbursementRequest request) {
        ProjectView view = service.addDisbursement(id, request);
        return RestResponse.ResponseBuilder.<ProjectView>created(URI.create("/api/v1/projects/" + id)).entity(view).build();
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/disbursements/{disbursementId}/payment")
    @Operation(operationId = "recordDisbursementPayment", summary = "Record the payment of a tranche (登记资金拨付)",
            description = "Marks a planned tranche as paid on the given day. Needs If-Match (the project's ETag).")
    @APIResponse(responseCode = "200", description = "The project with the tranche paid; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project in your scope, or no such tranche")
    public RestResponse<ProjectView> pay(@Parameter(description = "Project id") @PathParam("id") UUID id,
            @Parameter(description = "Id of the planned tranche") @PathParam("disbursementId") UUID disbursementId,
            @Parameter(description = IF_MATCH, required = true, example = "\"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentRequest.class),
                    examples = @ExampleObject(name = "paid", summary = "Paid five days after it was due", value = PAYMENT_EXAMPLE)))
            @NotNull @Valid PaymentRequest request) {
        ProjectView view = service.pay(id, disbursementId, ifMatch, request);
        return RestResponse.ok(view);
    }

    @Inject
    ProgressService progress;

    @GET
    @Path("/{id}/progress")
    @Operation(operationId = "getProjectProgress", summary = "Read a project's progress against its targets (项目进度)",
            description = "Per target: the contract target, the actual from the service records, and the expected value at "
                    + "the elapsed share of the service period. asOf defaults to today on the business clock "
                    + "(Asia/Shanghai unless configured otherwise).")
    @APIResponse(responseCode = "200", description = "Targets, actuals and expected pace",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressService.Progress.class),
                    examples = @ExampleObject(name = "midTerm", summary = "Half-way through the service period", value = PROGRESS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such project in your scope")
    public ProgressService.Progress progress(@Parameter(description = "Project id") @PathParam("id") UUID id,
            @Parameter(description = "The day to measure at (ISO date); today when absent",
                    schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2024-12-31")
            @QueryParam("asOf") String asOf) {
        java.time.LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? clock.today()
                    : java.time.LocalDate.parse(asOf.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw org.socialwork.platform.problem.Problems.invalidField("asOf", "query.invalid", "asOf", asOf);
        }
        return progress.progress(id, day);
    }

    @GET
    @Operation(operationId = "listProjects", summary = "List projects (购买服务项目列表)",
            description = "Keyset-paginated by (updatedAt, id): follow next (or send nextCursor as cursor) until it is absent. "
                    + "region matches the purchaser region's whole subtree; updatedSince makes the list a change feed. "
                    + "Only projects in the caller's scope are listed.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A filter is malformed (the problem names the parameter), limit is outside 1–"
            + PageRequest.MAX_LIMIT + " or the cursor is invalid")
    public Page<ProjectView> list(
            @Parameter(description = "Division code (2, 4, 6, 9 or 12 digits): projects whose purchaser region lies in its subtree",
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "Only projects in this lifecycle status", schema = @Schema(implementation = ProjectStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only projects of this contractor agency") @QueryParam("agency") UUID agency,
            @Parameter(description = "Only projects changed at or after this instant (ISO 8601 with offset)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2024-07-01T00:00:00+08:00")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        ProjectService.Filter filter = new ProjectService.Filter(QueryParams.regionPrefix(region, "region"),
                QueryParams.enumValue(ProjectStatus.class, status, "status"), agency,
                QueryParams.timestamp(updatedSince, "updatedSince"));
        return Page.of(service.list(filter, page), page.limit(), service::view, ProjectService::cursorOf, uriInfo);
    }
}
