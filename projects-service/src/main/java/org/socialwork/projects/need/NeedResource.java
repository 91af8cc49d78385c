package org.socialwork.projects.need;

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
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1")
@Tag(name = "Needs", description = "Intake → triage → dispatch with a due date → closure with the answering records "
        + "(需求受理、分级、派单与办结)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NeedResource {

    static final String IF_MATCH = "The ETag of the version the change is based on";
    static final String CURSOR = "The nextCursor of the previous page; absent for the first page";

    /** A villager's need brought by the village committee of a Haining township. */
    static final String INTAKE_EXAMPLE = """
            {"source": "VILLAGE", "category": "ELDERLY", "description": "独居老人行动不便，需要定期探访和代购生活用品",
             "regionCode": "330481001", "stationId": "3f6c2a8e-5b1d-4c7a-9e20-8d4b1f6a7c35"}
            """;

    static final String CREATED_EXAMPLE = """
            {"id": "0d9b4e7a-6c2f-4a13-8e5d-9b1f3c7a2e60", "version": 0, "source": "VILLAGE", "category": "ELDERLY",
             "description": "独居老人行动不便，需要定期探访和代购生活用品", "regionCode": "330481001",
             "stationId": "3f6c2a8e-5b1d-4c7a-9e20-8d4b1f6a7c35", "status": "RECEIVED", "receivedOn": "2026-09-14",
             "answeredByRecordIds": [], "createdAt": "2026-09-14T01:30:00Z", "updatedAt": "2026-09-14T01:30:00Z"}
            """;

    static final String NEED_EXAMPLE = """
            {"id": "0d9b4e7a-6c2f-4a13-8e5d-9b1f3c7a2e60", "version": 2, "source": "VILLAGE", "category": "ELDERLY",
             "description": "独居老人行动不便，需要定期探访和代购生活用品", "regionCode": "330481001",
             "stationId": "3f6c2a8e-5b1d-4c7a-9e20-8d4b1f6a7c35", "workerId": "b2e7f4a1-8c3d-4e59-a16b-7d0c9f2e5a38",
             "priority": "HIGH", "status": "DISPATCHED", "receivedOn": "2026-09-14", "dueOn": "2026-09-21",
             "answeredByRecordIds": [], "createdAt": "2026-09-14T01:30:00Z", "updatedAt": "2026-09-15T02:00:00Z"}
            """;

    static final String TRIAGE_EXAMPLE = """
            {"priority": "HIGH", "category": "ELDERLY"}
            """;

    static final String DISPATCH_EXAMPLE = """
            {"stationId": "3f6c2a8e-5b1d-4c7a-9e20-8d4b1f6a7c35", "workerId": "b2e7f4a1-8c3d-4e59-a16b-7d0c9f2e5a38",
             "dueOn": "2026-09-21"}
            """;

    static final String CLOSURE_EXAMPLE = """
            {"recordIds": ["7e1c3a9f-2d4b-4f86-b05e-8a6d1c2f9e47"]}
            """;

    @Inject
    NeedService service;

    @Inject
    CallerScope caller;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/needs")
    @Operation(operationId = "createNeed", summary = "Take in a need (需求受理)",
            description = "Starts RECEIVED, dated today. The region must be a known division; with a stationId the caller "
                    + "must be able to write for that station, without one be a platform-admin or a bureau-admin covering "
                    + "the region. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Taken in; Location names the need, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedView.class),
                    examples = @ExampleObject(name = "received", summary = "A need brought by a village committee",
                            value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The region or station lies outside the caller's (resource.forbidden.region, "
            + "need.forbidden.station)")
    @APIResponse(responseCode = "422", description = "Unknown region (need.region.unknown) or client (need.client.unknown), "
            + "or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<NeedView> intake(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NeedIntakeRequest.class),
                    examples = @ExampleObject(name = "village", summary = "An elderly villager living alone", value = INTAKE_EXAMPLE)))
            @NotNull @Valid NeedIntakeRequest request) {
        NeedView view = service.intake(request);
        return RestResponse.ResponseBuilder.<NeedView>created(URI.create("/api/v1/needs/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/needs/{id}")
    @Operation(operationId = "getNeed", summary = "Read a need (查看需求)",
            description = "The need with its status, dispatch and answering records; the ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The need",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedView.class),
                    examples = @ExampleObject(name = "dispatched", summary = "A need dispatched to a worker, due in a week",
                            value = NEED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such need in your scope")
    public RestResponse<NeedView> get(@Parameter(description = "Need id") @PathParam("id") UUID id) {
        NeedView view = service.get(id);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/needs/{id}/triage")
    @Operation(operationId = "triageNeed", summary = "Triage a need (需求分级)",
            description = "Sets the priority (and optionally corrects the category) of a RECEIVED or TRIAGED need; it becomes "
                    + "TRIAGED. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The triaged need; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedView.class)))
    @APIResponse(responseCode = "404", description = "No such need in your scope")
    @APIResponse(responseCode = "422", description = "The need's status does not allow it (need.transition.illegal)")
    public RestResponse<NeedView> triage(@Parameter(description = "Need id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NeedTriageRequest.class),
                    examples = @ExampleObject(name = "high", summary = "High priority", value = TRIAGE_EXAMPLE)))
            @NotNull @Valid NeedTriageRequest request) {
        NeedView view = service.triage(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/needs/{id}/dispatch")
    @Operation(operationId = "dispatchNeed", summary = "Dispatch a need to a station and worker with a due date (需求派单)",
            description = "The worker must hold an active assignment at the station; the need becomes DISPATCHED (a dispatched "
                    + "need may be dispatched again). Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The dispatched need; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedView.class)))
    @APIResponse(responseCode = "403", description = "The station lies outside the caller's (need.forbidden.station)")
    @APIResponse(responseCode = "404", description = "No such need in your scope")
    @APIResponse(responseCode = "422", description = "The worker is not assigned to the station (need.dispatch.worker), "
            + "or the need's status does not allow it (need.transition.illegal)")
    public RestResponse<NeedView> dispatch(@Parameter(description = "Need id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NeedDispatchRequest.class),
                    examples = @ExampleObject(name = "week", summary = "To the township station's worker, due in a week",
                            value = DISPATCH_EXAMPLE)))
            @NotNull @Valid NeedDispatchRequest request) {
        NeedView view = service.dispatch(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/needs/{id}/closure")
    @Operation(operationId = "closeNeed", summary = "Close a need with the service records that answered it (需求办结)",
            description = "A DISPATCHED need becomes CLOSED; the records are linked to it. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The closed need; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedView.class)))
    @APIResponse(responseCode = "404", description = "No such need in your scope")
    @APIResponse(responseCode = "422", description = "A record is unknown or answers another need (need.close.record.unknown), "
            + "or the need is not DISPATCHED (need.transition.illegal)")
    public RestResponse<NeedView> close(@Parameter(description = "Need id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"2\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NeedClosureRequest.class),
                    examples = @ExampleObject(name = "visit", summary = "Answered by one home visit", value = CLOSURE_EXAMPLE)))
            @NotNull @Valid NeedClosureRequest request) {
        NeedView view = service.close(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @GET
    @Path("/needs")
    @Operation(operationId = "listNeeds", summary = "List needs in scope (需求列表)",
            description = "Keyset-paginated: follow next (or send nextCursor as cursor) until it is absent. Only needs in the "
                    + "caller's scope are listed; status narrows the list.")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<NeedView> list(
            @Parameter(description = "Only needs in this status", schema = @Schema(implementation = NeedStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Page.of(service.list(null, QueryParams.enumValue(NeedStatus.class, status, "status"), page), page.limit(),
                service::view, NeedService::cursorOf, uriInfo);
    }

    @GET
    @Path("/me/needs")
    @Operation(operationId = "listMyNeeds", summary = "My dispatched needs (我的待办需求)",
            description = "For a field worker: the open needs dispatched to the calling worker, oldest change first.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "403", description = "The caller is not a field worker (problem.forbidden.role)")
    public Page<NeedView> mine(
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        UUID worker = caller.worker().orElseThrow(() -> Problems.forbidden("problem.forbidden.role", "field-worker"));
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Page.of(service.list(worker, NeedStatus.DISPATCHED, page), page.limit(), service::view,
                NeedService::cursorOf, uriInfo);
    }
}
