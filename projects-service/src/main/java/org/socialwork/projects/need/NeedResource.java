package org.socialwork.projects.need;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1")
@Tag(name = "Needs", description = "Intake → triage → dispatch with a due date → closure with the answering records")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NeedResource {

    @Inject
    NeedService service;

    @Inject
    CallerScope caller;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/needs")
    @Operation(summary = "Take in a need")
    @Idempotent
    public Response intake(@HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid NeedRequests.Intake request) {
        NeedView view = service.intake(request);
        return Preconditions.created(URI.create("/api/v1/needs/" + view.id()), view, view.version());
    }

    @GET
    @Path("/needs/{id}")
    @Operation(summary = "Read a need")
    public Response get(@PathParam("id") UUID id) {
        NeedView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/needs/{id}/triage")
    @Operation(summary = "Triage a need", description = "Needs If-Match.")
    public Response triage(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid NeedRequests.Triage request) {
        NeedView view = service.triage(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/needs/{id}/dispatch")
    @Operation(summary = "Dispatch a need to a station and worker with a due date", description = "Needs If-Match.")
    public Response dispatch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid NeedRequests.Dispatch request) {
        NeedView view = service.dispatch(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/needs/{id}/closure")
    @Operation(summary = "Close a need with the service records that answered it", description = "Needs If-Match.")
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid NeedRequests.Closure request) {
        NeedView view = service.close(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @GET
    @Path("/needs")
    @Operation(summary = "List needs in scope (the first of the three lists)")
    public Page<NeedView> list(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Page.of(service.list(null, QueryParams.enumValue(NeedStatus.class, status, "status"), page), page.limit(),
                service::view, NeedService::cursorOf, uriInfo);
    }

    @GET
    @Path("/me/needs")
    @Operation(summary = "My dispatched needs (field worker)", description = "Open needs dispatched to the calling worker, oldest change first.")
    public Page<NeedView> mine(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        UUID worker = caller.worker().orElseThrow(() -> Problems.forbidden("problem.forbidden.role", "field-worker"));
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Page.of(service.list(worker, NeedStatus.DISPATCHED, page), page.limit(), service::view,
                NeedService::cursorOf, uriInfo);
    }
}
