package org.socialwork.personnel.dispatch;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/dispatch-programmes")
@Tag(name = "Dispatch programmes", description = "Programmes such as the 三区 plan: dispatched workers and local trainees")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DispatchResource {

    @Inject
    DispatchService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "Create a programme", description = "bureau-admin covering the sending region, or platform-admin.")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid ProgrammeRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/dispatch-programmes", request, () -> {
            ProgrammeView view = service.create(request);
            return Preconditions.created(URI.create("/api/v1/dispatch-programmes/" + view.id()), view, view.version());
        });
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        ProgrammeView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}")
    @Operation(summary = "Update a programme (e.g. the number of local trainees)", description = "Needs If-Match.")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ProgrammeRequest request) {
        ProgrammeView view = service.update(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/dispatches/{workerId}")
    @Operation(summary = "Dispatch a worker (or change the period)", description = "If-Match: the programme's ETag.")
    public Response dispatch(@PathParam("id") UUID id, @PathParam("workerId") UUID workerId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid DispatchRequest request) {
        ProgrammeView view = service.dispatch(id, workerId, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @GET
    @Path("/totals")
    @Operation(summary = "Totals per receiving county", description = "Programmes, workers dispatched and local trainees; optional year and county.")
    public List<CountyTotals> totals(@QueryParam("year") Integer year, @QueryParam("county") String county) {
        if (county != null && !county.matches("\\d{6}")) {
            throw Problems.invalidField("county", "dispatch.county", county);
        }
        return service.totals(year, county);
    }
}
