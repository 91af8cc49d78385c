package org.socialwork.projects.record;

import java.net.URI;
import java.util.List;
import java.util.Locale;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.Problem;
import org.socialwork.platform.problem.ProblemException;
import org.socialwork.platform.problem.ProblemResponses;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/service-records")
@Tag(name = "Service records", description = "Visits, case sessions, groups and activities recorded in the field, synced from the phone (服务记录)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceRecordResource {

    static final String CURSOR = "The nextCursor of the previous page; absent for the first page";

    static final String IDEMPOTENCY_KEY = "Optional key (1–255 characters) that makes retries safe";

    static final String VISIT_EXAMPLE = """
            {"id": "b7c6d5e4-f3a2-4b1c-8d9e-0f1a2b3c4d5e", "type": "VISIT", "occurredAt": "2024-09-03T10:30:00+08:00",
             "durationMinutes": 45, "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64",
             "projectId": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b",
             "workerIds": ["5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69"], "clientIds": ["9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"],
             "serviceItems": ["ELDERLY_CARE"], "position": {"latitude": 30.43, "longitude": 120.45},
             "notes": "老人精神状态良好，提醒按时服药"}
            """;

    static final String ACTIVITY_EXAMPLE = """
            {"id": "0c9b8a7f-6e5d-4c3b-a21f-0e9d8c7b6a50", "type": "COMMUNITY_ACTIVITY", "occurredAt": "2024-09-07T14:00:00+08:00",
             "durationMinutes": 120, "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64",
             "projectId": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b",
             "workerIds": ["5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69"], "participantCount": 36,
             "serviceItems": ["ELDERLY_CARE"], "notes": "中秋邻里节活动"}
            """;

    static final String RECORD_EXAMPLE = """
            {"id": "b7c6d5e4-f3a2-4b1c-8d9e-0f1a2b3c4d5e", "revision": 1, "type": "VISIT",
             "occurredAt": "2024-09-03T02:30:00Z", "durationMinutes": 45,
             "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64", "stationRegionCode": "330481001",
             "projectId": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b",
             "workerIds": ["5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69"], "clientIds": ["9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"],
             "participantCount": 1, "serviceItems": ["ELDERLY_CARE"],
             "position": {"latitude": 30.43, "longitude": 120.45}, "notes": "老人精神状态良好，提醒按时服药",
             "recordedBy": "worker-hn-0001", "recordedAt": "2024-09-03T03:20:00Z", "updatedAt": "2024-09-03T03:20:00Z"}
            """;

    static final String BATCH_EXAMPLE = """
            {"records": [
              {"id": "b7c6d5e4-f3a2-4b1c-8d9e-0f1a2b3c4d5e", "type": "VISIT", "occurredAt": "2024-09-03T10:30:00+08:00",
               "durationMinutes": 45, "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64",
               "workerIds": ["5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69"], "clientIds": ["9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"],
               "serviceItems": ["ELDERLY_CARE"]},
              {"id": "0c9b8a7f-6e5d-4c3b-a21f-0e9d8c7b6a50", "type": "COMMUNITY_ACTIVITY", "occurredAt": "2024-09-07T14:00:00+08:00",
               "durationMinutes": 120, "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64",
               "workerIds": ["5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69"], "participantCount": 36, "serviceItems": ["ELDERLY_CARE"]}]}
            """;

    static final String BATCH_RESULT_EXAMPLE = """
            {"created": 1, "unchanged": 1, "refused": 1, "items": [
              {"id": "b7c6d5e4-f3a2-4b1c-8d9e-0f1a2b3c4d5e", "status": "UNCHANGED", "revision": 1},
              {"id": "0c9b8a7f-6e5d-4c3b-a21f-0e9d8c7b6a50", "status": "CREATED", "revision": 1},
              {"id": "3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "status": "REFUSED",
               "problem": {"type": "urn:socialwork:problem:period-locked", "title": "报送周期已锁定", "status": 409,
                           "detail": "行政区划 330481001 的报告期 2024-08-01 至 2024-08-31 已审核锁定，不能再新增或修改该期间的服务记录；如确需修改，请向民政部门申请例外。",
                           "code": "record.period-locked"}}]}
            """;

    static final String CORRECTION_EXAMPLE = """
            {"type": "VISIT", "occurredAt": "2024-09-03T10:30:00+08:00", "durationMinutes": 60,
             "projectId": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b",
             "workerIds": ["5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69"], "clientIds": ["9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"],
             "serviceItems": ["ELDERLY_CARE"], "notes": "时长更正为 60 分钟"}
            """;

    @Inject
    ServiceRecordService service;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Operation(operationId = "createServiceRecord", summary = "Record one service (登记服务记录)",
            description = "The id is generated by the app; the same id again answers 200 with the stored record and publishes "
                    + "nothing. A field worker records at the stations where they hold an active assignment. Refused (409, "
                    + "period-locked) inside a locked reporting period unless the bureau granted an exception.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the record, the ETag is its revision",
            headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceRecordView.class),
                    examples = @ExampleObject(name = "visit", summary = "A home visit to an elderly client living alone", value = RECORD_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "A record with this id already exists: the stored record",
            headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceRecordView.class)))
    @APIResponse(responseCode = "403", description = "Not one of your records or stations (record.forbidden.not-own)")
    @APIResponse(responseCode = "409", description = "urn:socialwork:problem:period-locked: the reporting period is locked, "
            + "or a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Unknown station, worker, client or project, a project not in service, "
            + "an unknown service item, or the Idempotency-Key was used with another body")
    @Idempotent
    public Response create(
            @Parameter(description = IDEMPOTENCY_KEY, schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ServiceRecordRequest.class),
                    examples = {@ExampleObject(name = "visit", summary = "A home visit to a named client", value = VISIT_EXAMPLE),
                            @ExampleObject(name = "communityActivity", summary = "A community activity counting participants", value = ACTIVITY_EXAMPLE)}))
            @NotNull @Valid ServiceRecordRequest request) {
        ServiceRecordService.Single single = service.recordOne(request);
        ServiceRecordView view = single.view();
        URI location = URI.create("/api/v1/service-records/" + view.id());
        return single.status() == BatchResult.Status.CREATED ? Preconditions.created(location, view, view.revision())
                : Preconditions.ok(view, view.revision());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/batch")
    @Operation(operationId = "createServiceRecordBatch", summary = "Sync many records from a phone (批量同步服务记录)",
            description = "Up to 1,000 records with app-generated ids, answered item by item in the order sent: CREATED, "
                    + "UNCHANGED (a record with this id exists), or REFUSED with a problem. Sending the same batch again "
                    + "creates and publishes nothing, so a phone simply resends after a lost answer.")
    @APIResponse(responseCode = "200", description = "One result per record, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class),
                    examples = @ExampleObject(name = "mixed", summary = "A resent record, a new one and one in a locked period",
                            value = BATCH_RESULT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No records, more than the batch limit (record.batch.too-large), "
            + "or one id twice in the batch (record.batch.duplicate-id)")
    public BatchResult batch(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchRequest.class),
                    examples = @ExampleObject(name = "offlineDay", summary = "A day of work synced at once", value = BATCH_EXAMPLE)))
            @NotNull @Valid BatchRequest request) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        List<ServiceRecordService.Outcome> outcomes = service.record(request.records());
        int created = 0;
        int unchanged = 0;
        int refused = 0;
        List<BatchResult.Item> items = new java.util.ArrayList<>(outcomes.size());
        for (ServiceRecordService.Outcome o : outcomes) {
            switch (o.status()) {
                case CREATED -> created++;
                case UNCHANGED -> unchanged++;
                case REFUSED -> refused++;
            }
            items.add(new BatchResult.Item(o.id(), o.status(), o.revision(),
                    o.refusal() == null ? null : problem(o.refusal(), locale)));
        }
        return new BatchResult(created, unchanged, refused, items);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getServiceRecord", summary = "Read a service record (查看服务记录)",
            description = "The ETag is the revision to send in If-Match. Field workers read their own records.")
    @APIResponse(responseCode = "200", description = "The record; the ETag is its revision",
            headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceRecordView.class),
                    examples = @ExampleObject(name = "visit", summary = "A home visit to an elderly client living alone", value = RECORD_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such record in your scope")
    public Response get(@Parameter(description = "Service record id") @PathParam("id") UUID id) {
        ServiceRecordView view = service.get(id);
        return Preconditions.ok(view, view.revision());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/{id}")
    @Operation(operationId = "correctServiceRecord", summary = "Correct a service record (更正服务记录)",
            description = "The corrected record as a whole (its id and station stay). Needs If-Match. Publishes "
                    + "org.socialwork.service-record.corrected.v1 with revision+1. Refused (409, period-locked) inside a "
                    + "locked reporting period unless the bureau granted an exception.")
    @APIResponse(responseCode = "200", description = "Corrected; the ETag is the new revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceRecordView.class)))
    @APIResponse(responseCode = "403", description = "Not one of your records (record.forbidden.not-own)")
    @APIResponse(responseCode = "404", description = "No such record in your scope")
    @APIResponse(responseCode = "409", description = "urn:socialwork:problem:period-locked: the reporting period is locked")
    @APIResponse(responseCode = "422", description = "Unknown worker, client or project, a project not in service, or an unknown service item")
    public Response correct(@Parameter(description = "Service record id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the revision the correction is based on", required = true, example = "\"1\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ServiceRecordCorrection.class),
                    examples = @ExampleObject(name = "longerVisit", summary = "The visit lasted an hour, not 45 minutes", value = CORRECTION_EXAMPLE)))
            @NotNull @Valid ServiceRecordCorrection correction) {
        ServiceRecordView view = service.correct(id, ifMatch, correction);
        return Preconditions.ok(view, view.revision());
    }

    @GET
    @Operation(operationId = "listServiceRecords", summary = "List service records in scope (服务记录列表)",
            description = "Field workers see their own records. Keyset-paginated by (updatedAt, id): follow next (or send "
                    + "nextCursor as cursor) until it is absent; from/to bound occurredAt, updatedSince makes the list a change feed.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A filter is malformed (the problem names the parameter), limit is outside 1–"
            + PageRequest.MAX_LIMIT + " or the cursor is invalid")
    public Page<ServiceRecordView> list(
            @Parameter(description = "Only records of this station") @QueryParam("station") UUID station,
            @Parameter(description = "Only records of this project") @QueryParam("project") UUID project,
            @Parameter(description = "Only records naming this client") @QueryParam("client") UUID client,
            @Parameter(description = "Only services that occurred at or after this instant (ISO 8601 with offset)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2024-09-01T00:00:00+08:00")
            @QueryParam("from") String from,
            @Parameter(description = "Only services that occurred before this instant (ISO 8601 with offset)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2024-10-01T00:00:00+08:00")
            @QueryParam("to") String to,
            @Parameter(description = "Only records changed at or after this instant (ISO 8601 with offset)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2024-09-01T00:00:00+08:00")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        ServiceRecordService.Filter filter = new ServiceRecordService.Filter(station, project, client,
                QueryParams.timestamp(from, "from"), QueryParams.timestamp(to, "to"),
                QueryParams.timestamp(updatedSince, "updatedSince"));
        return Page.of(service.list(filter, page), page.limit(), service::view, ServiceRecordService::cursorOf, uriInfo);
    }

    private static Problem problem(ProblemException refusal, Locale locale) {
        return ProblemResponses.document(refusal, locale, null);
    }
}
