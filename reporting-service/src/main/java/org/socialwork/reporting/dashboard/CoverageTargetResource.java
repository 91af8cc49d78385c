package org.socialwork.reporting.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/coverage-targets/{region}/{year}")
@Tag(name = "Coverage targets", description = "Yearly township-coverage targets a bureau sets for its region")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CoverageTargetResource {

    @Inject
    CoverageTargetService service;

    @GET
    @Operation(summary = "Read a coverage target", description = "Version 0 (ETag \"0\") while none is set.")
    @APIResponse(responseCode = "200", description = "The target")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Response get(@PathParam("region") String region, @PathParam("year") @Min(2000) @Max(2100) int year) {
        CoverageTargetView view = service.get(region, year);
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "Set a coverage target", description = "bureau-admin of the region or above; If-Match with the ETag read (\"0\" for a first target).")
    @APIResponse(responseCode = "200", description = "The target")
    @APIResponse(responseCode = "403", description = "Not a bureau admin")
    @APIResponse(responseCode = "412", description = "Changed meanwhile")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response put(@PathParam("region") String region, @PathParam("year") @Min(2000) @Max(2100) int year,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid CoverageTargetRequest request) {
        CoverageTargetView view = service.put(region, year, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }
}
