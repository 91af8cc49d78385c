package org.socialwork.personnel.assignment;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/assignments")
@Tag(name = "Assignments", description = "Workers placed at stations; each start, change and end must be filed")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    @Inject
    AssignmentService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(summary = "Assign a worker to a station", description = "Refused: unknown station (422), closed station (422), another agency's purchased-service station unless a civil-affairs assistant (422), a second active full-time assignment (409), a listed worker (409).")
    @APIResponse(responseCode = "201", description = "Assigned; a START filing obligation is open")
    @APIResponse(responseCode = "409", description = "Second full-time assignment, or the worker is on the dishonesty list")
    @APIResponse(responseCode = "422", description = "Station unknown, closed or operated by another agency")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid AssignmentCreateRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/assignments", request, () -> {
            AssignmentView view = service.create(request);
            return Preconditions.created(URI.create("/api/v1/assignments/" + view.id()), view, view.version());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an assignment")
    public Response get(@PathParam("id") UUID id) {
        AssignmentView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}")
    @Operation(summary = "Change the role of an assignment", description = "Opens a CHANGE filing obligation. Needs If-Match.")
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AssignmentChangeRequest request) {
        AssignmentView view = service.change(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}/end")
    @Operation(summary = "End an assignment", description = "Opens an END filing obligation. Needs If-Match.")
    public Response end(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AssignmentEndRequest request) {
        AssignmentView view = service.end(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @GET
    @Operation(summary = "List assignments", description = "Keyset-paginated by (updatedAt, id); updatedSince makes it a change feed; region matches the station's subtree.")
    public Page<AssignmentView> list(@QueryParam("worker") UUID worker, @QueryParam("station") UUID station,
            @QueryParam("region") String region, @QueryParam("status") AssignmentStatus status,
            @QueryParam("updatedSince") String updatedSince, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        if (region != null && !region.matches("\\d{2,12}")) {
            throw Problems.invalidField("region", "worker.query.invalid", "region", region);
        }
        OffsetDateTime since;
        try {
            since = updatedSince == null || updatedSince.isBlank() ? null : OffsetDateTime.parse(updatedSince.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("updatedSince", "worker.query.invalid", "updatedSince", updatedSince);
        }
        return Page.of(service.list(new AssignmentService.Filter(worker, station, region, status, since), page),
                page.limit(), service::listView, AssignmentService::cursorOf, uriInfo);
    }
}
