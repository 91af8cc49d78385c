package org.socialwork.reporting.rebuild;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/admin/rebuild")
@Tag(name = "Administration", description = "Rebuild of the read models from the topics (读模型重建)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    static final String BUILDING_EXAMPLE = """
            {"generation": 3, "state": "BUILDING", "startedAt": "2026-10-20T16:00:00Z",
             "eventsTotal": 182400, "eventsDone": 96320}
            """;

    static final String ACTIVE_EXAMPLE = """
            {"generation": 3, "state": "ACTIVE", "startedAt": "2026-10-20T16:00:00Z", "finishedAt": "2026-10-20T16:07:42Z",
             "eventsTotal": 182400, "eventsDone": 182400}
            """;

    @Inject
    RebuildService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN})
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "startRebuild", summary = "Rebuild the read models (重建读模型)",
            description = "platform-admin. Replays every consumed topic from the beginning into a new generation while the "
                    + "current one keeps serving, then switches over. Follow the Location for progress. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "202", description = "Started; Location names the new generation",
            headers = @Header(name = "Location", description = "The URL of the generation being built",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildView.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running")
    @Idempotent
    public Response start(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        RebuildView view = service.start();
        return Response.accepted(view).location(URI.create("/api/v1/admin/rebuild/" + view.generation())).build();
    }

    @GET
    @Operation(operationId = "getLatestRebuild", summary = "Read the latest generation (查看最新读模型版本)",
            description = "Its state and replay progress.")
    @APIResponse(responseCode = "200", description = "The latest generation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildView.class),
                    examples = @ExampleObject(name = "building", summary = "A rebuild half-way through", value = BUILDING_EXAMPLE)))
    public RebuildView latest() {
        return service.latest();
    }

    @GET
    @Path("/{generation}")
    @Operation(operationId = "getRebuild", summary = "Read one generation (查看读模型版本)",
            description = "BUILDING with progress, ACTIVE, RETIRED or FAILED with the reason.")
    @APIResponse(responseCode = "200", description = "The generation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildView.class),
                    examples = @ExampleObject(name = "active", summary = "A finished rebuild now serving", value = ACTIVE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such generation")
    public RebuildView get(@Parameter(description = "Generation number", example = "3") @PathParam("generation") int generation) {
        return service.get(generation);
    }
}
