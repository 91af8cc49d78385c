package org.socialwork.personnel.dishonesty;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/workers/{id}/dishonesty-listings")
@Tag(name = "Dishonesty list", description = "Listed workers may not be employed or assigned until the listing expires (失信名单)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DishonestyResource {

    static final String LISTING_EXAMPLE = """
            {"id":"b8c3d1e5-7f2a-4b6c-9d40-5f1e3a7b2c51","workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01",\
            "reason":"虚报服务时长","listedOn":"2025-03-10","expiresOn":"2027-03-10","listedBy":"bureau-330481",\
            "effective":true}""";

    static final String DELISTED_EXAMPLE = """
            {"id":"b8c3d1e5-7f2a-4b6c-9d40-5f1e3a7b2c51","workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01",\
            "reason":"虚报服务时长","listedOn":"2025-03-10","expiresOn":"2027-03-10","listedBy":"bureau-330481",\
            "delistedOn":"2025-05-06","delistReason":"复核撤销","delistedBy":"bureau-330481","effective":false}""";

    @Inject
    DishonestyService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(operationId = "createDishonestyListing", summary = "List a worker as dishonest (列入失信名单)",
            description = "bureau-admin covering the worker, or platform-admin. From listedOn (not in the future) the worker "
                    + "may hold no social-work post: employment and assignments are refused (422) until the listing "
                    + "expires after personnel.dishonesty-listing-duration (two years) or is lifted.")
    @APIResponse(responseCode = "201", description = "Listed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class),
                    examples = @ExampleObject(name = "listed", summary = "Listed for two years", value = LISTING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. listedOn in the future (dishonesty.future), or a "
            + "malformed Idempotency-Key")
    @APIResponse(responseCode = "403", description = "Only platform-admin and bureau-admin list workers, and only workers "
            + "they may change (worker.forbidden.scope)")
    @APIResponse(responseCode = "404", description = "No such worker in your scope")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    @Idempotent
    public Response list(@Parameter(description = "The worker's id") @PathParam("id") UUID id,
            @Parameter(description = "Optional, 1 to 255 characters, scoped to the caller: a retry with the same key and "
                    + "body gets the stored answer again (Idempotent-Replayed: true)")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ListingRequest.class),
                    examples = @ExampleObject(name = "listing", summary = "Inflated service hours (虚报服务时长)",
                            value = "{\"reason\":\"虚报服务时长\",\"listedOn\":\"2025-03-10\"}")))
            @NotNull @Valid ListingRequest request) {
        ListingView view = service.list(id, request);
        return Response.created(URI.create("/api/v1/dishonesty-listings/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(operationId = "listWorkerDishonestyListings", summary = "List a worker's dishonesty listings (失信记录)",
            description = "Every listing of the worker, effective and past (expired or lifted), for whoever may read the "
                    + "worker. Not paginated: a worker has few.")
    @APIResponse(responseCode = "200", description = "The listings, effective and past")
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such worker in your scope")
    public List<ListingView> ofWorker(@Parameter(description = "The worker's id") @PathParam("id") UUID id) {
        return service.ofWorker(id);
    }
}
