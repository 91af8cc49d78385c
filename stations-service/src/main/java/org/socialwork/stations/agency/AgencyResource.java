package org.socialwork.stations.agency;

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
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/agencies")
@Tag(name = "Agencies", description = "Social-work agencies that operate stations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgencyResource {

    @Inject
    AgencyService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "Register an agency", description = "Needs platform-admin or a bureau-admin covering the registration region.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a credit code with a wrong check character")
    @APIResponse(responseCode = "409", description = "The credit code is already registered")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid AgencyCreateRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/agencies", request, () -> {
            AgencyView view = service.create(request);
            return Preconditions.created(URI.create("/api/v1/agencies/" + view.id()), view, view.version());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an agency", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The agency")
    @APIResponse(responseCode = "404", description = "No such agency in your scope")
    public Response get(@PathParam("id") UUID id) {
        AgencyView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}")
    @Operation(summary = "Update an agency", description = "Replaces the changeable fields; an agency admin may change the contact only.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AgencyUpdateRequest request) {
        AgencyView view = service.update(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @GET
    @Operation(summary = "List agencies", description = "Keyset-paginated by (updatedAt, id); updatedSince makes it a change feed.")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<AgencyView> list(@QueryParam("region") String region, @QueryParam("status") String status,
            @QueryParam("grade") String grade, @QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        AgencyGrade parsedGrade;
        try {
            parsedGrade = grade == null || grade.isBlank() ? null : AgencyGrade.fromLabel(grade.strip());
        } catch (IllegalArgumentException e) {
            throw org.socialwork.platform.problem.Problems.invalidField("grade", "query.invalid", "grade", grade);
        }
        AgencyService.Filter filter = new AgencyService.Filter(QueryParams.regionPrefix(region, "region"),
                QueryParams.enumValue(AgencyStatus.class, status, "status"), parsedGrade,
                QueryParams.timestamp(updatedSince, "updatedSince"));
        return Page.of(service.list(filter, page), page.limit(), AgencyView::of, AgencyService::cursorOf, uriInfo);
    }
}
