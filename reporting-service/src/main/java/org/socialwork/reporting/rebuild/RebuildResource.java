package org.socialwork.reporting.rebuild;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/admin/rebuild")
@Tag(name = "Administration", description = "Rebuild of the read models from the topics")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    RebuildService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN})
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rebuild the read models", description = "platform-admin. Replays every consumed topic from the beginning into a new generation while the current one keeps serving, then switches over. Follow the Location for progress.")
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "409", description = "A rebuild is already running")
    @Idempotent
    public Response start(@HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        RebuildView view = service.start();
        return Response.accepted(view).location(URI.create("/api/v1/admin/rebuild/" + view.generation())).build();
    }

    @GET
    @Operation(summary = "The latest generation", description = "Its state and replay progress.")
    public RebuildView latest() {
        return service.latest();
    }

    @GET
    @Path("/{generation}")
    @Operation(summary = "One generation", description = "BUILDING with progress, ACTIVE, RETIRED or FAILED with the reason.")
    public RebuildView get(@PathParam("generation") int generation) {
        return service.get(generation);
    }
}
