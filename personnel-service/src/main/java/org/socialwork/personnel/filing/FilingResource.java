package org.socialwork.personnel.filing;

import java.time.LocalDate;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/filings")
@Tag(name = "Filings", description = "Filing (备案) of assignment starts, changes and ends with the bureau")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FilingResource {

    @Inject
    FilingService service;

    @Inject
    BusinessClock clock;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List filing obligations", description = "region matches the station's region subtree; late=true lists filings made late and unfiled ones past their due date.")
    public Page<FilingView> list(@QueryParam("region") String region, @QueryParam("late") Boolean late,
            @QueryParam("filed") Boolean filed, @QueryParam("worker") UUID worker, @QueryParam("agency") UUID agency,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        if (region != null && !region.matches("\\d{2,12}")) {
            throw Problems.invalidField("region", "worker.query.invalid", "region", region);
        }
        LocalDate today = clock.today();
        return Page.of(service.list(new FilingService.Filter(region, late, filed, worker, agency), today, page),
                page.limit(), f -> FilingService.view(f, today), FilingService::cursorOf, uriInfo);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a filing obligation")
    public Response get(@PathParam("id") UUID id) {
        FilingView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}/file")
    @Operation(summary = "Record the filing", description = "Marked late when filedOn is more than the configured days (7) after the change. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Filed")
    @APIResponse(responseCode = "409", description = "Already filed")
    public Response file(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid FileRequest request) {
        FilingView view = service.file(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }
}
