package org.socialwork.personnel.dishonesty;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/dishonesty-listings")
@Tag(name = "Dishonesty list", description = "失信名单: listed workers may not be employed or assigned until the listing expires")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DelistingResource {

    @Inject
    DishonestyService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/delisting")
    @Operation(summary = "Delist", description = "bureau-admin or platform-admin, with a reason.")
    public ListingView delist(@PathParam("id") UUID id, @NotNull @Valid DelistRequest request) {
        return service.delist(id, request);
    }
}
