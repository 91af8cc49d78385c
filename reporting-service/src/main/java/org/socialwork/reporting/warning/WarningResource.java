package org.socialwork.reporting.warning;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1")
@Tag(name = "Warnings", description = "Supervision warnings computed from the read models")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WarningResource {

    @Inject
    WarningService service;

    @Inject
    BusinessClock clock;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/warnings")
    @Operation(summary = "Warnings of a region subtree", description = "Keyset-paginated, newest first (limit ≤ 200, default 50; follow `next`); filter by status (OPEN, ACKNOWLEDGED, RESOLVED) and kind.")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Page<WarningView> list(@QueryParam("region") String region, @QueryParam("status") WarningStatus status,
            @QueryParam("kind") WarningKind kind, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.page(region, status, kind, PageRequest.of(limit, cursor, 2), uriInfo);
    }

    @GET
    @Path("/warnings/{id}")
    @Operation(summary = "Read a warning", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "404", description = "No such warning in your scope")
    public Response get(@PathParam("id") UUID id) {
        WarningView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/warnings/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Acknowledge", description = "bureau-admin; an OPEN warning becomes ACKNOWLEDGED. Needs If-Match.")
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        WarningView view = service.transition(id, ifMatch, WarningStatus.ACKNOWLEDGED);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/warnings/{id}/resolve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Resolve", description = "bureau-admin; an open or acknowledged warning becomes RESOLVED. Needs If-Match.")
    public Response resolve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        WarningView view = service.transition(id, ifMatch, WarningStatus.RESOLVED);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN})
    @Path("/admin/warnings/evaluate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Evaluate the warning rules now", description = "platform-admin; as of the business day (Asia/Shanghai) or the given date.")
    @Idempotent
    public Response evaluate(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @QueryParam("asOf") String asOf) {
        LocalDate today;
        try {
            today = asOf == null ? clock.today() : LocalDate.parse(asOf);
        } catch (java.time.format.DateTimeParseException e) {
            throw Problems.invalidField("asOf", "reporting.period.invalid", asOf);
        }
        return Response.ok(service.evaluateNow(today)).build();
    }
}
