package org.socialwork.projects.client;

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
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1")
@Tag(name = "Clients", description = "Clients of the stations; ID numbers and phones are encrypted, masked and audited")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientResource {

    @Inject
    ClientService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/clients")
    @Operation(summary = "Register a client", description = "Field workers at their stations, agency admins at their agency's stations, bureau admins in their region.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "This person is already a client (one client, one plan per person)")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid ClientCreateRequest request) {
        ClientView view = service.create(request);
        return Preconditions.created(URI.create("/api/v1/clients/" + view.id()), view, view.version());
    }

    @GET
    @Path("/clients/{id}")
    @Operation(summary = "Read a client", description = "Unmasked (and audited) for callers holding personal-data.")
    public Response get(@PathParam("id") UUID id) {
        ClientView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/clients/{id}")
    @Operation(summary = "Change a client, their assessment or their plan", description = "Needs If-Match.")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ClientUpdateRequest request) {
        ClientView view = service.update(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/clients/lookup")
    @Operation(summary = "Find a client by ID number", description = "The number travels in the body, never in a URL.")
    public Response lookup(@NotNull @Valid ClientLookupRequest request) {
        ClientView view = service.lookup(request);
        return Preconditions.ok(view, view.version());
    }

    @GET
    @Path("/clients")
    @Operation(summary = "List clients in scope", description = "Always masked. Keyset-paginated by (updatedAt, id).")
    public Page<ClientView> list(@QueryParam("station") UUID station, @QueryParam("riskLevel") String riskLevel,
            @QueryParam("updatedSince") String updatedSince, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        ClientService.Filter filter = new ClientService.Filter(station,
                QueryParams.enumValue(RiskLevel.class, riskLevel, "riskLevel"), QueryParams.timestamp(updatedSince, "updatedSince"));
        return Page.of(service.list(filter, page), page.limit(), service::listView, ClientService::cursorOf, uriInfo);
    }

    @GET
    @Path("/personal-data-access")
    @Operation(summary = "Audit log of unmasked reads of clients' personal data", description = "Bureau admins (their region) and platform admins.")
    public List<AccessView> accessLog(@QueryParam("subjectId") UUID subjectId, @QueryParam("limit") Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > PageRequest.MAX_LIMIT) {
            throw Problems.invalidField("limit", "problem.validation.limit", PageRequest.MAX_LIMIT);
        }
        return service.accessLog(subjectId, size);
    }
}
