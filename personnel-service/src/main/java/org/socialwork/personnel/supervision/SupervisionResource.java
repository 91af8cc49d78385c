package org.socialwork.personnel.supervision;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/supervisions")
@Tag(name = "Supervision", description = "Supervisor–worker and supervisor–station pairings and their sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    @Inject
    SupervisionService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(summary = "Pair a supervisor with a worker or a station")
    public Response pair(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid PairingRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/supervisions", request, () -> {
            SupervisionView view = service.pair(request);
            return Response.created(URI.create("/api/v1/supervisions/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A pairing with its sessions and total hours")
    public SupervisionView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}/sessions")
    @Operation(summary = "Record a supervision session")
    public Response addSession(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid SessionRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/supervisions/" + id + "/sessions",
                request, () -> Response.status(201).entity(service.addSession(id, request)).build());
    }
}
