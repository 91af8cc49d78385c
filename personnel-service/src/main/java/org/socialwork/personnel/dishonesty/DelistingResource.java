package org.socialwork.personnel.dishonesty;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/dishonesty-listings")
@Tag(name = "Dishonesty list", description = "Listed workers may not be employed or assigned until the listing expires (失信名单)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DelistingResource {

    @Inject
    DishonestyService service;

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDishonestyListing", summary = "A dishonesty listing (失信名单记录)",
            description = "One listing, whether still effective, expired or lifted; for whoever may read the listed worker.")
    @APIResponse(responseCode = "200", description = "The listing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class),
                    examples = @ExampleObject(name = "delisted", summary = "Overturned on review (复核撤销)",
                            value = DishonestyResource.DELISTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such listing in your scope")
    public ListingView get(@Parameter(description = "The listing's id") @PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/delisting")
    @Operation(operationId = "delistDishonestyListing", summary = "Delist (移出失信名单)",
            description = "Lifts a listing before it expires, with a reason (e.g. overturned on review); from today the "
                    + "worker may be employed and assigned again. bureau-admin covering the worker, or platform-admin.")
    @APIResponse(responseCode = "200", description = "Delisted; the listing is no longer effective",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class),
                    examples = @ExampleObject(name = "delisted", summary = "Overturned on review (复核撤销)",
                            value = DishonestyResource.DELISTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a blank reason")
    @APIResponse(responseCode = "403", description = "Only platform-admin and bureau-admin delist, and only workers they may "
            + "change (worker.forbidden.scope)")
    @APIResponse(responseCode = "404", description = "No such listing in your scope")
    @APIResponse(responseCode = "409", description = "The listing was already lifted (dishonesty.already-delisted)")
    public ListingView delist(@Parameter(description = "The listing's id") @PathParam("id") UUID id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DelistRequest.class),
                    examples = @ExampleObject(name = "review", summary = "Overturned on review",
                            value = "{\"reason\":\"复核撤销\"}")))
            @NotNull @Valid DelistRequest request) {
        return service.delist(id, request);
    }
}
