package org.socialwork.projects.catalogue;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/service-items")
@Tag(name = "Service catalogue", description = "Service items with category and zh-CN/en labels")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    @Inject
    CatalogueService service;

    @GET
    @Operation(summary = "The service catalogue")
    public List<ServiceItemView> list() {
        return service.list();
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN})
    @Operation(summary = "Extend the catalogue", description = "Platform admins only.")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid ServiceItemRequest request) {
        ServiceItemView view = service.create(request);
        return Response.created(URI.create("/api/v1/service-items/" + view.code())).entity(view).build();
    }
}
