package org.socialwork.reporting.bulletin;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/bulletins")
@Tag(name = "Bulletins", description = "The monthly bulletin of a province or city bureau: its child regions ranked, commented and summarised")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BulletinResource {

    @Inject
    BulletinService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "Compile a monthly bulletin", description = "bureau-admin of exactly that province or city (or platform-admin). measures default to VISIT per station and TOWNSHIP_COVERAGE; rankings are frozen now. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Compiled as a draft")
    @APIResponse(responseCode = "403", description = "Not the bureau of that region")
    @APIResponse(responseCode = "409", description = "The region already has a bulletin for this month")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid BulletinRequests.Create request) {
        BulletinView view = service.create(request);
        return Preconditions.created(URI.create("/api/v1/bulletins/" + view.id()), view, view.version());
    }

    @GET
    @Operation(summary = "Bulletins issued by a region", description = "Newest month first, keyset-paginated (limit ≤ 200, default 50; follow `next`); regions below see issued bulletins only.")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Page<BulletinView> list(@QueryParam("region") String region, @QueryParam("month") String month,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.page(region, month, PageRequest.of(limit, cursor, 2), uriInfo);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a bulletin", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "404", description = "No such bulletin in your scope")
    public Response get(@PathParam("id") UUID id) {
        BulletinView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @PATCH
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}")
    @Operation(summary = "Change comments or summary", description = "Drafts only (409 once issued); the figures stay frozen. Needs If-Match.")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid BulletinRequests.Update request) {
        BulletinView view = service.update(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/issue")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Issue", description = "Makes the bulletin immutable and readable by the regions below. Needs If-Match.")
    public Response issue(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        BulletinView view = service.issue(id, ifMatch);
        return Preconditions.ok(view, view.version());
    }
}
