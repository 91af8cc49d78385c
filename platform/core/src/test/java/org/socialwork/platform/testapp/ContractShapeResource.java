package org.socialwork.platform.testapp;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.testapp.NoteResource.NoteRequest;
import org.socialwork.platform.testapp.NoteResource.NoteView;
import org.socialwork.platform.web.Page;

import io.quarkus.security.Authenticated;

/**
 * Operation shapes the test app lacks elsewhere, for the OpenAPI contract filter's test only (never
 * called): a role-restricted delete with If-Match, a search that answers a page to a POST, a create
 * whose resource declares its own 409, and an operation that declares 429 and 503.
 */
@Path("/contract-shapes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractShapeResource {

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "station-admin", "auditor" })
    public void remove(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        throw new UnsupportedOperationException();
    }

    @POST
    @Path("/search")
    public Page<NoteView> search(@Valid NoteRequest filter) {
        throw new UnsupportedOperationException();
    }

    @POST
    @Path("/claims")
    @APIResponseSchema(value = NoteView.class, responseCode = "201", responseDescription = "Claimed")
    @APIResponse(responseCode = "409", description = "The region already has a claim")
    public Response claim(@HeaderParam(Idempotency.HEADER) String key, @Valid NoteRequest request) {
        throw new UnsupportedOperationException();
    }

    @GET
    @Path("/busy")
    @APIResponseSchema(value = String[].class, responseCode = "200", responseDescription = "The busy regions")
    @APIResponse(responseCode = "429", description = "Too many requests from this caller")
    @APIResponse(responseCode = "503", description = "The region index is being rebuilt")
    public List<String> busy() {
        throw new UnsupportedOperationException();
    }
}
