package org.socialwork.personnel.worker;

import java.net.URI;
import java.time.OffsetDateTime;
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
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/workers")
@Tag(name = "Workers", description = "Social workers: identity, qualifications, employment (社会工作者)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkerResource {

    /**
     * Why personal data is read unmasked; written to the audit log with the read. Header values
     * are ISO-8859-1 on the wire, so a Chinese purpose is sent percent-encoded (UTF-8).
     */
    public static final String PURPOSE_HEADER = "X-Access-Purpose";

    static final String IDEMPOTENCY_KEY = "Optional, 1 to 255 characters, scoped to the caller: a retry with the same key "
            + "and body gets the stored answer again (Idempotent-Replayed: true)";
    static final String IF_MATCH = "The worker's ETag as last read; required (without it 428, with another version 412)";
    static final String PURPOSE = "Why the ID number and phone are read unmasked (e.g. 核对备案材料), percent-encoded UTF-8; "
            + "recorded in the personal-data audit log. Only used for callers holding personal-data";
    static final String WORKER_ID = "The worker's id";
    static final String NOT_FOUND = "No such worker in your scope";
    static final String WRITE_FORBIDDEN = "Your role may not change workers (only platform-admin, bureau-admin and "
            + "agency-admin may), or the worker is outside what you may change (worker.forbidden.scope)";

    static final String WORKER_EXAMPLE = """
            {"id":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","version":0,\
            "employerAgencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","externalId":"YM-101","name":"顾明",\
            "idNumber":"3304**********0034","gender":"MALE","birthDate":"1994-05-06","phone":"138****0101",\
            "personalDataMasked":true,"education":"BACHELOR","socialWorkDegree":true,\
            "employment":{"agencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","category":"STATION_FULL_TIME",\
            "post":"SOCIAL_WORKER","grade":4,"from":"2024-06-01"},\
            "qualificationLevel":"NONE","registered":false,"certificates":[],"status":"ACTIVE","stationAssignments":[],\
            "dishonestyListed":false,"createdAt":"2024-06-01T09:30:00+08:00","updatedAt":"2024-06-01T09:30:00+08:00"}""";

    static final String WORKER_READ_EXAMPLE = """
            {"id":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","version":4,\
            "employerAgencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","externalId":"YM-101","name":"顾明",\
            "idNumber":"3304**********0034","gender":"MALE","birthDate":"1994-05-06","phone":"138****0101",\
            "personalDataMasked":true,"education":"BACHELOR","socialWorkDegree":true,\
            "employment":{"agencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","category":"STATION_FULL_TIME",\
            "post":"SOCIAL_WORKER","grade":4,"from":"2024-06-01"},\
            "qualificationLevel":"ASSISTANT","registered":true,\
            "certificates":[{"id":"0b6e2d4f-8a1c-4e3b-9d57-6f2a8c4e1b03","number":"2024330000999","level":"ASSISTANT",\
            "issuedOn":"2024-06-16","issuer":"人力资源社会保障部 民政部","registered":true}],\
            "status":"ACTIVE",\
            "stationAssignments":[{"assignmentId":"e2d9f1a4-6b3c-4d7e-8f20-1a5b9c3d7e31",\
            "stationId":"c7b4e2d9-1f6a-4a83-b5e0-9d3c8f2a6b21","role":"SOCIAL_WORKER","fullTime":true,"from":"2024-06-03"}],\
            "dishonestyListed":false,"createdAt":"2024-06-01T09:30:00+08:00","updatedAt":"2024-06-16T14:05:00+08:00"}""";

    @Inject
    WorkerService service;

    @Inject
    WorkerBatchService batch;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "createWorker", summary = "Hire a worker (新增社会工作者)",
            description = "Needs platform-admin, bureau-admin (agency registered in its region) or the employer's agency-admin. "
                    + "Gender and birth date derive from the ID number. Every caller but a platform admin must send the "
                    + "employment; its agency must be known here (from stations-service events) and active, and post and "
                    + "grade must lie on the pay scale. The answer masks the ID number and phone.")
    @APIResponse(responseCode = "201", description = "Created; ID number and phone masked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerView.class),
                    examples = @ExampleObject(name = "hired", summary = "顾明 hired by 海宁市益民社会工作服务中心", value = WORKER_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. an ID number with a wrong check character "
            + "(worker.id-number.invalid), a phone that is not a mainland mobile number, a missing employment "
            + "(worker.employment.required), a post or grade off the pay scale, or a malformed Idempotency-Key")
    @APIResponse(responseCode = "403", description = "Your role may not hire, or you may not manage the staff of the "
            + "employer agency (worker.forbidden.agency)")
    @APIResponse(responseCode = "409", description = "A worker with this ID number exists (worker.id-number.taken), the "
            + "externalId is used by another worker of the agency (worker.external-id.taken), or a request with the same "
            + "Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The employer agency is unknown or inactive (worker.agency.unknown, "
            + "worker.agency.inactive), or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<WorkerView> create(@Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WorkerCreateRequest.class),
                    examples = @ExampleObject(name = "hire", summary = "An agency hires 顾明 as a full-time station worker",
                            value = """
                                    {"externalId":"YM-101","name":"顾明","idNumber":"330481199405060034",\
                                    "phone":"13805730101","education":"BACHELOR","socialWorkDegree":true,\
                                    "employment":{"agencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11",\
                                    "category":"STATION_FULL_TIME","post":"SOCIAL_WORKER","grade":4,"from":"2024-06-01"}}""")))
            @NotNull @Valid WorkerCreateRequest request) {
        WorkerView view = service.create(request);
        return RestResponse.ResponseBuilder.<WorkerView>created(URI.create("/api/v1/workers/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWorker", summary = "Read a worker (查看社会工作者)",
            description = "Open to the roles that reach workers, each within its scope (an agency admin its staff, a bureau "
                    + "the workers of its region, a field worker itself). Masked unless the caller holds personal-data: "
                    + "then unmasked and audited; give the reason in X-Access-Purpose or ?purpose=.")
    @APIResponse(responseCode = "200", description = "The worker",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerView.class),
                    examples = @ExampleObject(name = "worker", summary = "顾明, certified and assigned to 硖石街道社会工作站",
                            value = WORKER_READ_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public RestResponse<WorkerView> get(@Parameter(description = WORKER_ID) @PathParam("id") UUID id,
            @Parameter(description = PURPOSE) @HeaderParam(PURPOSE_HEADER) String purposeHeader,
            @Parameter(description = "The same as X-Access-Purpose, for clients that cannot set headers; the header wins")
            @QueryParam("purpose") String purpose) {
        WorkerView view = service.get(id, purposeHeader != null ? decodePurpose(purposeHeader) : purpose);
        return RestResponse.ok(view);
    }

    @POST
    // A read sent as POST so that the ID number stays out of URLs: open to the roles that may read a worker.
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/lookup")
    @Operation(operationId = "lookupWorker", summary = "Find a worker by ID number (按身份证号查找社会工作者)",
            description = "A read sent as POST: the ID number travels in the body, never in a URL. Scoped as a read of the "
                    + "worker; masked unless the caller holds personal-data (then audited, with X-Access-Purpose). "
                    + "Changes nothing.")
    @APIResponse(responseCode = "200", description = "The worker",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerView.class),
                    examples = @ExampleObject(name = "found", summary = "顾明, found by ID number", value = WORKER_READ_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a valid resident ID number (worker.id-number.invalid)")
    @APIResponse(responseCode = "403", description = "Your role reaches no workers (evaluator, dashboard)")
    @APIResponse(responseCode = "404", description = "No worker with this ID number in your scope")
    public RestResponse<WorkerView> lookup(@Parameter(description = PURPOSE) @HeaderParam(PURPOSE_HEADER) String purpose,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LookupRequest.class),
                    examples = @ExampleObject(name = "lookup", summary = "顾明's resident ID number",
                            value = "{\"idNumber\":\"330481199405060034\"}")))
            @NotNull @Valid LookupRequest request) {
        WorkerView view = service.lookup(request.idNumber(), decodePurpose(purpose));
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateWorker", summary = "Update a worker's identity fields (修改社会工作者信息)",
            description = "Replaces externalId, name, phone, education and socialWorkDegree; the ID number cannot change. "
                    + "Needs If-Match (the worker's ETag). Needs platform-admin, the employer's agency-admin or a bureau-admin "
                    + "covering the worker.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a phone that is not a mainland mobile number "
            + "(worker.phone.invalid)")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "412", description = "If-Match is stale: the worker changed since you read it")
    public RestResponse<WorkerView> update(@Parameter(description = WORKER_ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WorkerUpdateRequest.class),
                    examples = @ExampleObject(name = "newPhone", summary = "顾明 has a new mobile number", value = """
                            {"externalId":"YM-101","name":"顾明","phone":"13805730188","education":"BACHELOR",\
                            "socialWorkDegree":true}""")))
            @NotNull @Valid WorkerUpdateRequest request) {
        WorkerView view = service.update(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}/employment")
    @Operation(operationId = "setWorkerEmployment", summary = "Set the current employment (变更聘用信息)",
            description = "Ends the previous employment the day before. Refused (422) for a worker on the dishonesty list "
                    + "(失信名单). The agency must be known here and active, and you must be allowed to manage its staff. "
                    + "Needs If-Match (the worker's ETag).")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field: post or grade off the pay scale "
            + "(worker.pay-scale.post, worker.pay-scale.grade), until before from (worker.employment.until-before-from)")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN + ", or you may not manage the staff of the new "
            + "agency (worker.forbidden.agency)")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "412", description = "If-Match is stale: the worker changed since you read it")
    @APIResponse(responseCode = "422", description = "The worker is on the dishonesty list (worker.dishonesty.listed), or "
            + "the agency is unknown or inactive (worker.agency.unknown, worker.agency.inactive)")
    public RestResponse<WorkerView> setEmployment(@Parameter(description = WORKER_ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EmploymentRequest.class),
                    examples = @ExampleObject(name = "promotion", summary = "顾明 becomes station lead", value = """
                            {"agencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","category":"STATION_FULL_TIME",\
                            "post":"STATION_LEAD","grade":6,"from":"2025-01-01"}""")))
            @NotNull @Valid EmploymentRequest request) {
        WorkerView view = service.setEmployment(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}/certificates")
    @Operation(operationId = "addWorkerCertificate", summary = "Add a qualification certificate (登记职业资格证书)",
            description = "Records a national social-work qualification certificate (助理社会工作师, 社会工作师, "
                    + "高级社会工作师). The current level is the highest certified level; the worker counts as registered "
                    + "when any certificate is registered. A certificate cannot be issued in the future.")
    @APIResponse(responseCode = "201", description = "Added; the worker with its new level",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerView.class),
                    examples = @ExampleObject(name = "certified", summary = "顾明, now an assistant social worker",
                            value = WORKER_READ_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. issuedOn in the future (worker.certificate.future)")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Certificate number already recorded (worker.certificate.taken), or a "
            + "request with the same Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<WorkerView> addCertificate(@Parameter(description = WORKER_ID) @PathParam("id") UUID id,
            @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CertificateRequest.class),
                    examples = @ExampleObject(name = "assistant", summary = "An assistant social worker certificate (助理社会工作师)",
                            value = """
                                    {"number":"2024330000999","level":"ASSISTANT","issuedOn":"2024-06-16",\
                                    "issuer":"人力资源社会保障部 民政部","registered":true}""")))
            @NotNull @Valid CertificateRequest request) {
        WorkerView view = service.addCertificate(id, request);
        return RestResponse.ResponseBuilder.<WorkerView>created(URI.create("/api/v1/workers/" + id)).entity(view).build();
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/batch")
    @Operation(operationId = "upsertWorkerBatch", summary = "Create or update up to 1,000 workers of one agency (批量同步社会工作者)",
            description = "For HR systems. Keyed by the agency's externalId; one answer per item, in the order sent "
                    + "(CREATED, UPDATED, UNCHANGED, REJECTED with a problem). Items are independent: a refused item does "
                    + "not stop the others, and resending the same batch changes nothing. The agency must be known here, "
                    + "active, and yours to manage.")
    @APIResponse(responseCode = "200", description = "One result per item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerBatchResult.class),
                    examples = @ExampleObject(name = "result", summary = "One worker created, one unchanged", value = """
                            {"created":1,"updated":0,"unchanged":1,"rejected":0,"items":[\
                            {"index":0,"externalId":"YM-001","status":"UNCHANGED",\
                            "workerId":"3c5e7a9b-1d2f-4a6b-8c0d-2e4f6a8b0c12","version":3},\
                            {"index":1,"externalId":"YM-101","status":"CREATED",\
                            "workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","version":0}]}""")))
    @APIResponse(responseCode = "400", description = "Invalid batch: agencyId missing, or no items or more than 1,000")
    @APIResponse(responseCode = "403", description = "Your role may not manage workers, or you may not manage the staff of "
            + "this agency (worker.forbidden.agency)")
    @APIResponse(responseCode = "422", description = "The agency is unknown or inactive (worker.agency.unknown, "
            + "worker.agency.inactive)")
    public WorkerBatchResult batch(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkerBatchRequest.class),
            examples = @ExampleObject(name = "hrSync", summary = "Two workers of 海宁市益民社会工作服务中心 from its HR system",
                    value = """
                            {"agencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","items":[\
                            {"externalId":"YM-001","name":"沈晓燕","idNumber":"330481199003150029","phone":"13805730001",\
                            "education":"BACHELOR","socialWorkDegree":true,"category":"STATION_FULL_TIME",\
                            "post":"STATION_LEAD","grade":8,"employedFrom":"2023-03-01"},\
                            {"externalId":"YM-101","name":"顾明","idNumber":"330481199405060034","phone":"13805730101",\
                            "education":"BACHELOR","socialWorkDegree":true,"category":"STATION_FULL_TIME",\
                            "post":"SOCIAL_WORKER","grade":4,"employedFrom":"2024-06-01"}]}""")))
            @NotNull @Valid WorkerBatchRequest request) {
        return batch.run(request, Messages.choose(headers.getAcceptableLanguages()), uriInfo.getPath());
    }

    @GET
    @Operation(operationId = "listWorkers", summary = "List workers (社工名录)",
            description = "The workers in your scope, always masked. Keyset-paginated by (updatedAt, id): follow `next` "
                    + "(or send `nextCursor` as cursor); updatedSince makes it a change feed. Evaluators and dashboards "
                    + "reach no workers (403).")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A malformed filter: region not a division code, updatedSince not a "
            + "timestamp with offset, an unknown status or qualificationLevel, limit outside 1–200, or a bad cursor")
    @APIResponse(responseCode = "403", description = "Your role reaches no workers (evaluator, dashboard)")
    public Page<WorkerView> list(
            @Parameter(description = "Only workers employed by this agency") @QueryParam("agency") UUID agency,
            @Parameter(description = "Only workers in this status") @QueryParam("status") WorkerStatus status,
            @Parameter(description = "Only workers at this qualification level (NONE: no certificate)")
            @QueryParam("qualificationLevel") QualificationLevel level,
            @Parameter(description = "A division code (2, 4, 6, 9 or 12 digits, e.g. 330481): workers employed by an agency "
                    + "registered in that subtree or actively assigned to a station there",
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN),
                    example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "Only workers changed at or after this instant (ISO 8601 with offset): a change feed",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2024-06-01T00:00:00+08:00")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page; absent for the first page")
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        QueryParams.regionPrefix(region, "region");
        OffsetDateTime since = QueryParams.timestamp(updatedSince, "updatedSince");
        WorkerService.Filter filter = new WorkerService.Filter(agency, status, level, region, since);
        return Page.of(service.list(filter, page), page.limit(), service::listView, WorkerService::cursorOf, uriInfo);
    }

    static String decodePurpose(String header) {
        if (header == null) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(header, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }
}
