package org.socialwork.projects.team;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.projects.project.ProjectView;

import io.quarkus.security.Authenticated;

@Path("/api/v1/projects/{id}/team")
@Tag(name = "Project teams", description = "Workers of a project; every change is kept")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    @Inject
    TeamService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(summary = "Add a worker to the team", description = "The purchasing bureau or the contractor's agency admin. A worker serves at most one IN_SERVICE project at a time.")
    @APIResponse(responseCode = "200", description = "The project with its new team")
    @APIResponse(responseCode = "409", description = "Already a member, or serving another IN_SERVICE project")
    @APIResponse(responseCode = "422", description = "Unknown worker, not employed by the contractor, or on the dishonesty list")
    @Idempotent
    public Response add(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @NotNull @Valid MemberRequest request) {
        ProjectView view = service.add(id, request);
        return Preconditions.ok(view, view.version());
    }

    @DELETE
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{workerId}")
    @Operation(summary = "Take a worker off the team", description = "Needs If-Match (the project's ETag); the change is kept.")
    public Response remove(@PathParam("id") UUID id, @PathParam("workerId") UUID workerId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @QueryParam("reason") String reason) {
        ProjectView view = service.remove(id, workerId, ifMatch, reason);
        return Preconditions.ok(view, view.version());
    }

    @GET
    @Path("/changes")
    @Operation(summary = "Every change of the team, oldest first", description = "Churn is the number of LEFT changes.")
    public List<TeamChangeView> changes(@PathParam("id") UUID id) {
        return service.changes(id);
    }
}
