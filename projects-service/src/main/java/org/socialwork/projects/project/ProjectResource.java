package org.socialwork.projects.project;

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
import jakarta.ws.rs.PUT;
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
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/projects")
@Tag(name = "Projects", description = "Purchased-service projects: procurement, contract, budget, lifecycle")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @Inject
    BusinessClock clock;

    @Inject
    ProjectService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "Create a project (DRAFT)", description = "Needs platform-admin or a bureau-admin covering the purchaser region. Funding parts must add up to the budget; stations must lie in the purchaser's region.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "422", description = "A rule refused it (funding, stations, region)")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid ProjectCreateRequest request) {
        ProjectView view = service.create(request);
        return Preconditions.created(URI.create("/api/v1/projects/" + view.id()), view, view.version());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a project", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "404", description = "No such project in your scope")
    public Response get(@PathParam("id") UUID id) {
        ProjectView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}")
    @Operation(summary = "Change a project's terms", description = "Needs If-Match.")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ProjectUpdateRequest request) {
        ProjectView view = service.update(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/transitions")
    @Operation(summary = "Move a project along its lifecycle", description = "DRAFT → TENDERING → CONTRACTED → IN_SERVICE → COMPLETED, or TERMINATED with a reason from any non-final state. Needs If-Match.")
    @APIResponse(responseCode = "422", description = "Illegal transition, unmet staffing or incomplete contract")
    @APIResponse(responseCode = "409", description = "A team member already serves another IN_SERVICE project")
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid TransitionRequest request) {
        ProjectView view = service.transition(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/disbursements")
    @Operation(summary = "Plan a disbursement tranche", description = "All tranches together never exceed the budget.")
    @APIResponse(responseCode = "422", description = "The tranches would exceed the budget")
    @Idempotent
    public Response disburse(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @NotNull @Valid DisbursementRequest request) {
        ProjectView view = service.addDisbursement(id, request);
        return Preconditions.created(URI.create("/api/v1/projects/" + id), view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/disbursements/{disbursementId}/payment")
    @Operation(summary = "Record the payment of a tranche", description = "Needs If-Match (the project's ETag).")
    public Response pay(@PathParam("id") UUID id, @PathParam("disbursementId") UUID disbursementId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid PaymentRequest request) {
        ProjectView view = service.pay(id, disbursementId, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @Inject
    ProgressService progress;

    @GET
    @Path("/{id}/progress")
    @Operation(summary = "Targets, actuals from the service records, and the expected pace", description = "asOf defaults to today on the business clock (Asia/Shanghai unless configured otherwise).")
    public ProgressService.Progress progress(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        java.time.LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? clock.today()
                    : java.time.LocalDate.parse(asOf.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw org.socialwork.platform.problem.Problems.invalidField("asOf", "query.invalid", "asOf", asOf);
        }
        return progress.progress(id, day);
    }

    @GET
    @Operation(summary = "List projects", description = "Keyset-paginated by (updatedAt, id); updatedSince makes it a change feed.")
    public Page<ProjectView> list(@QueryParam("region") String region, @QueryParam("status") String status,
            @QueryParam("agency") UUID agency, @QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        ProjectService.Filter filter = new ProjectService.Filter(QueryParams.regionPrefix(region, "region"),
                QueryParams.enumValue(ProjectStatus.class, status, "status"), agency,
                QueryParams.timestamp(updatedSince, "updatedSince"));
        return Page.of(service.list(filter, page), page.limit(), service::view, ProjectService::cursorOf, uriInfo);
    }
}
