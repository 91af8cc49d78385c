package org.socialwork.reporting.report;

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
import org.socialwork.reporting.dashboard.PeriodType;

import io.quarkus.security.Authenticated;

@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Periodic county reports: submitted, approved or returned at city and province level; approval locks the period")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "Compile a county report", description = "bureau-admin covering the county; figures are compiled from the read models. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Compiled as a draft")
    @APIResponse(responseCode = "409", description = "The county already has a report for this period")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid ReportRequests.Create request) {
        ReportView view = service.create(request);
        return Preconditions.created(URI.create("/api/v1/reports/" + view.id()), view, view.version());
    }

    @GET
    @Operation(summary = "Reports of a region subtree", description = "Keyset-paginated, newest period first (limit ≤ 200, default 50; follow `next`).")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Page<ReportView> list(@QueryParam("region") String region, @QueryParam("periodType") PeriodType type,
            @QueryParam("status") ReportStatus status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return service.page(region, type, status, PageRequest.of(limit, cursor, 3), uriInfo);
    }

    @GET
    @Path("/timeliness")
    @Operation(summary = "Filing timeliness", description = "Every county below the region: ON_TIME, LATE or MISSING for a period (periodType WEEK/MONTH/QUARTER, period 2024-W36 / 2024-09 / 2024-Q3).")
    public Timeliness timeliness(@QueryParam("region") String region, @QueryParam("periodType") PeriodType type,
            @QueryParam("period") String period) {
        return service.timeliness(region, type, period);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a report", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "404", description = "No such report in your scope")
    public Response get(@PathParam("id") UUID id) {
        ReportView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @PATCH
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}")
    @Operation(summary = "Change the narrative", description = "Draft or returned reports; recompiles the figures. Needs If-Match.")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ReportRequests.Update request) {
        ReportView view = service.update(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit", description = "By the county bureau (6-digit region claim). Needs If-Match.")
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ReportView view = service.submit(id, ifMatch);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/review")
    @Operation(summary = "Approve or return", description = "A submitted report by its city bureau, a city-approved one by its province bureau; the province's approval locks the period (reporting.period.v1). Needs If-Match.")
    public Response review(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ReportRequests.Decision decision) {
        ReportView view = service.review(id, ifMatch, decision);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/reopen")
    @Operation(summary = "Reopen an approved period", description = "Province bureau; publishes the period unlocked. Needs If-Match.")
    public Response reopen(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ReportRequests.Reopen request) {
        ReportView view = service.reopen(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }
}
