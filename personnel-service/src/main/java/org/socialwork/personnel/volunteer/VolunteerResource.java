package org.socialwork.personnel.volunteer;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/volunteers")
@Tag(name = "Volunteers", description = "Volunteers registered under stations by the workers who recruited them")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VolunteerResource {

    @Inject
    VolunteerService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(summary = "Register a volunteer", description = "The recruiter must be (or have been) assigned to the station.")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid VolunteerCreateRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/volunteers", request, () -> {
            VolunteerView view = service.create(request);
            return Preconditions.created(URI.create("/api/v1/volunteers/" + view.id()), view, view.version());
        });
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        VolunteerView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}")
    @Operation(summary = "Update hours, regular flag and status", description = "Needs If-Match.")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid VolunteerUpdateRequest request) {
        VolunteerView view = service.update(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }
}
