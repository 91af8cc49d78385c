package org.socialwork.personnel.assignment;

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
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/assignments")
@Tag(name = "Assignments", description = "Workers placed at stations; each start, change and end must be filed (驻站安排)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    static final String IF_MATCH = "The assignment's ETag as last read; required (without it 428, with another version 412)";
    static final String ASSIGNMENT_ID = "The assignment's id";
    static final String NOT_FOUND = "No such assignment in your scope";
    static final String WRITE_FORBIDDEN = "Your role may not change assignments (only platform-admin, bureau-admin and "
            + "agency-admin may), or the assignment is outside what you may change (assignment.forbidden.scope)";

    static final String ASSIGNMENT_EXAMPLE = """
            {"id":"e2d9f1a4-6b3c-4d7e-8f20-1a5b9c3d7e31","version":0,"workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01",\
            "stationId":"c7b4e2d9-1f6a-4a83-b5e0-9d3c8f2a6b21","stationRegionCode":"330481001",\
            "employerAgencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","category":"STATION_FULL_TIME",\
            "role":"SOCIAL_WORKER","fullTime":true,"from":"2024-06-03","status":"ACTIVE",\
            "createdAt":"2024-06-03T10:00:00+08:00","updatedAt":"2024-06-03T10:00:00+08:00"}""";

    static final String FILED_ASSIGNMENT_EXAMPLE = """
            {"id":"e2d9f1a4-6b3c-4d7e-8f20-1a5b9c3d7e31","version":1,"workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01",\
            "stationId":"c7b4e2d9-1f6a-4a83-b5e0-9d3c8f2a6b21","stationRegionCode":"330481001",\
            "employerAgencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","category":"STATION_FULL_TIME",\
            "role":"SOCIAL_WORKER","fullTime":true,"from":"2024-06-03","status":"ACTIVE",\
            "filing":{"filedOn":"2024-06-13","daysAfterChange":10,"late":true},\
            "createdAt":"2024-06-03T10:00:00+08:00","updatedAt":"2024-06-13T16:20:00+08:00"}""";

    @Inject
    AssignmentService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "createAssignment", summary = "Assign a worker to a station (安排社会工作者驻站)",
            description = "Opens a START filing obligation (备案, due within 7 days). Needs platform-admin, the employer's "
                    + "agency-admin or a bureau-admin covering the worker. Refused: a worker who left or has no employment "
                    + "(422), a worker on the dishonesty list (422), an unknown or closed station (422), another agency's "
                    + "purchased-service station unless the worker is a civil-affairs assistant (民政协理员) (422), a second "
                    + "active full-time assignment (409). fullTime defaults to true for STATION_FULL_TIME employment.")
    @APIResponse(responseCode = "201", description = "Assigned; a START filing obligation is open",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class),
                    examples = @ExampleObject(name = "assigned", summary = "顾明 at 硖石街道社会工作站", value = ASSIGNMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, or a malformed Idempotency-Key")
    @APIResponse(responseCode = "403", description = "Your role may not assign workers, or the worker is outside what you "
            + "may change (worker.forbidden.scope)")
    @APIResponse(responseCode = "404", description = "No such worker (workerId) in your scope")
    @APIResponse(responseCode = "409", description = "The worker already has an active full-time station assignment "
            + "(assignment.full-time.taken), or a request with the same Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The worker left (assignment.worker.left), has no employment "
            + "(assignment.worker.unemployed) or is on the dishonesty list (worker.dishonesty.listed); the station is unknown "
            + "(assignment.station.unknown), closed (assignment.station.closed) or another agency's purchased-service "
            + "station (assignment.station.other-agency); or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<AssignmentView> create(@Parameter(description = "Optional, 1 to 255 characters, scoped to the caller: a retry with the "
            + "same key and body gets the stored answer again (Idempotent-Replayed: true)")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssignmentCreateRequest.class),
                    examples = @ExampleObject(name = "assign", summary = "顾明 joins 硖石街道社会工作站 as a social worker",
                            value = """
                                    {"workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01",\
                                    "stationId":"c7b4e2d9-1f6a-4a83-b5e0-9d3c8f2a6b21","role":"SOCIAL_WORKER",\
                                    "from":"2024-06-03"}""")))
            @NotNull @Valid AssignmentCreateRequest request) {
        AssignmentView view = service.create(request);
        return RestResponse.ResponseBuilder.<AssignmentView>created(URI.create("/api/v1/assignments/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAssignment", summary = "Read an assignment (查看驻站安排)",
            description = "Seen by the station's bureau, the employer agency and whoever may read the worker. `filing` is "
                    + "the latest filing of the assignment, absent until it is filed.")
    @APIResponse(responseCode = "200", description = "The assignment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class),
                    examples = @ExampleObject(name = "filedLate", summary = "Its START was filed 10 days late",
                            value = FILED_ASSIGNMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public RestResponse<AssignmentView> get(@Parameter(description = ASSIGNMENT_ID) @PathParam("id") UUID id) {
        AssignmentView view = service.get(id);
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}")
    @Operation(operationId = "changeAssignmentRole", summary = "Change the role of an assignment (变更驻站岗位)",
            description = "Opens a CHANGE filing obligation from changedOn (not before the start); the same role again "
                    + "changes nothing. Only an active assignment changes. Needs If-Match (the assignment's ETag).")
    @APIResponse(responseCode = "200", description = "Changed (or unchanged: the same role)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. changedOn before the start "
            + "(assignment.date.before-start)")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "412", description = "If-Match is stale: the assignment changed since you read it")
    @APIResponse(responseCode = "422", description = "The assignment has ended (assignment.ended)")
    public RestResponse<AssignmentView> change(@Parameter(description = ASSIGNMENT_ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssignmentChangeRequest.class),
                    examples = @ExampleObject(name = "lead", summary = "顾明 leads the station from 2025",
                            value = "{\"role\":\"STATION_LEAD\",\"changedOn\":\"2025-01-01\"}")))
            @NotNull @Valid AssignmentChangeRequest request) {
        AssignmentView view = service.change(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}/end")
    @Operation(operationId = "endAssignment", summary = "End an assignment (结束驻站)",
            description = "`to` is the last day (not before the start). Opens an END filing obligation. Only an active "
                    + "assignment ends. Needs If-Match (the assignment's ETag).")
    @APIResponse(responseCode = "200", description = "Ended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. to before the start (assignment.date.before-start)")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "412", description = "If-Match is stale: the assignment changed since you read it")
    @APIResponse(responseCode = "422", description = "The assignment has already ended (assignment.ended)")
    public RestResponse<AssignmentView> end(@Parameter(description = ASSIGNMENT_ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssignmentEndRequest.class),
                    examples = @ExampleObject(name = "end", summary = "The last day at the station",
                            value = "{\"to\":\"2025-06-30\"}")))
            @NotNull @Valid AssignmentEndRequest request) {
        AssignmentView view = service.end(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @GET
    @Operation(operationId = "listAssignments", summary = "List assignments (驻站安排列表)",
            description = "The assignments in your scope (through the worker or the station's bureau). Keyset-paginated by "
                    + "(updatedAt, id): follow `next`; updatedSince makes it a change feed; region matches the station's "
                    + "subtree. Evaluators and dashboards have no assignment list (403).")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A malformed filter: region not a division code, updatedSince not a "
            + "timestamp with offset, an unknown status, limit outside 1–200, or a bad cursor")
    @APIResponse(responseCode = "403", description = "Your role has no assignment list (evaluator, dashboard)")
    public Page<AssignmentView> list(@Parameter(description = "Only this worker's assignments") @QueryParam("worker") UUID worker,
            @Parameter(description = "Only assignments at this station") @QueryParam("station") UUID station,
            @Parameter(description = "A division code of 2 to 12 digits (e.g. 330481): stations in that subtree",
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "Only active or only ended assignments") @QueryParam("status") AssignmentStatus status,
            @Parameter(description = "Only assignments changed at or after this instant (ISO 8601 with offset): a change feed",
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
        return Page.of(service.list(new AssignmentService.Filter(worker, station, region, status, since), page),
                page.limit(), service::listView, AssignmentService::cursorOf, uriInfo);
    }
}
