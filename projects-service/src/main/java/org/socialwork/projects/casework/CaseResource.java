package org.socialwork.projects.casework;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/cases")
@Tag(name = "Cases", description = "Casework: open, plan, sessions (service records naming the case), referral, closure")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    CaseService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Operation(summary = "Open a case for a client")
    @Idempotent
    public Response open(@HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid CaseRequests.Open request) {
        CaseView view = service.open(request);
        return Preconditions.created(URI.create("/api/v1/cases/" + view.id()), view, view.version());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a case with its sessions")
    public Response get(@PathParam("id") UUID id) {
        CaseView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/{id}/referral")
    @Operation(summary = "Refer a case to another station or agency", description = "Needs If-Match.")
    public Response refer(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid CaseRequests.Referral request) {
        CaseView view = service.refer(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/{id}/closure")
    @Operation(summary = "Close a case with its outcome", description = "Needs If-Match.")
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid CaseRequests.Closure request) {
        CaseView view = service.close(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }
}
