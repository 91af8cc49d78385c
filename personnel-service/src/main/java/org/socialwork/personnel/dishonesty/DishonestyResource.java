package org.socialwork.personnel.dishonesty;

import java.net.URI;
import java.util.List;
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

@Path("/api/v1/workers/{id}/dishonesty-listings")
@Tag(name = "Dishonesty list", description = "失信名单: listed workers may not be employed or assigned until the listing expires")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DishonestyResource {

    @Inject
    DishonestyService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "List a worker", description = "bureau-admin or platform-admin. Expires after personnel.dishonesty-listing-duration (two years).")
    public Response list(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid ListingRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/workers/" + id + "/dishonesty-listings",
                request, () -> {
                    ListingView view = service.list(id, request);
                    return Response.created(URI.create("/api/v1/dishonesty-listings/" + view.id())).entity(view).build();
                });
    }

    @GET
    @Operation(summary = "A worker's listings, effective and past")
    public List<ListingView> ofWorker(@PathParam("id") UUID id) {
        return service.ofWorker(id);
    }
}
