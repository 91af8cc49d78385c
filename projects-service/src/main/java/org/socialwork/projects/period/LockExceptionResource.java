package org.socialwork.projects.period;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/lock-exceptions")
@Tag(name = "Period locks", description = "Exceptions to locked reporting periods, granted by the bureau")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LockExceptionResource {

    @Inject
    LockExceptionService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "Grant an exception to a locked period", description = "For one record, or for a station and period. Bureau admins of the region.")
    @Idempotent
    public Response grant(@HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid LockExceptionRequest request) {
        LockExceptionView view = service.grant(request);
        return Response.created(URI.create("/api/v1/lock-exceptions/" + view.id())).entity(view).build();
    }
}
