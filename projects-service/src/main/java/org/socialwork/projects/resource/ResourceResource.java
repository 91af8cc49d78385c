package org.socialwork.projects.resource;

import java.net.URI;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/resources")
@Tag(name = "Resources", description = "Donors, volunteer teams and facilities, listed beside needs and projects")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResourceResource {

    @Inject
    ResourceService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(summary = "List a resource")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid ResourceRequest request) {
        ResourceView view = service.create(request);
        return Response.created(URI.create("/api/v1/resources/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "Browse resources", description = "region matches the whole subtree.")
    public Page<ResourceView> list(@QueryParam("region") String region, @QueryParam("kind") String kind,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Page.of(service.list(QueryParams.regionPrefix(region, "region"),
                QueryParams.enumValue(ResourceKind.class, kind, "kind"), page), page.limit(), ResourceView::of,
                ResourceService::cursorOf, uriInfo);
    }
}
