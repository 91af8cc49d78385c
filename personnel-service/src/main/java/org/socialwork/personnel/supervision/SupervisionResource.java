package org.socialwork.personnel.supervision;

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

@Path("/api/v1/supervisions")
@Tag(name = "Supervision", description = "Supervisor–worker and supervisor–station pairings and their sessions (督导)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    static final String IDEMPOTENCY_KEY = "Optional, 1 to 255 characters, scoped to the caller: a retry with the same key "
            + "and body gets the stored answer again (Idempotent-Replayed: true)";
    static final String NOT_FOUND = "No such pairing in your scope";
    static final String WRITE_FORBIDDEN = "Your role may not manage supervision (only platform-admin, bureau-admin and "
            + "agency-admin may), or the supervisor is outside what you may change (worker.forbidden.scope)";

    static final String PAIRING_EXAMPLE = """
            {"id":"a7b2c9d4-3e8f-4a1b-8c72-9d5e1f3a6b71","supervisorId":"6a1d3b5f-9e2c-4d72-8b68-3c9f5e7a2b02",\
            "workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","regionCode":"330481","from":"2024-07-01",\
            "to":"2024-12-31","sessions":[],"totalHours":0}""";

    static final String SESSIONS_EXAMPLE = """
            {"id":"a7b2c9d4-3e8f-4a1b-8c72-9d5e1f3a6b71","supervisorId":"6a1d3b5f-9e2c-4d72-8b68-3c9f5e7a2b02",\
            "workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","regionCode":"330481","from":"2024-07-01",\
            "to":"2024-12-31","sessions":[{"id":"b3c5d7e9-1f2a-4b4c-8d6e-0f2a4b6c8d81","heldOn":"2024-07-15",\
            "hours":2.5,"topic":"独居老人个案评估与服务计划"}],"totalHours":2.5}""";

    @Inject
    SupervisionService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "createSupervision", summary = "Pair a supervisor with a worker or a station (建立督导关系)",
            description = "Name exactly one of workerId and stationId; the supervisor (督导) must be a worker you may change, "
                    + "and another worker than the supervised one. A supervised worker must be in your scope; a station "
                    + "must be known here (from stations-service events).")
    @APIResponse(responseCode = "201", description = "Paired",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupervisionView.class),
                    examples = @ExampleObject(name = "paired", summary = "许晨 supervises 顾明 for half a year",
                            value = PAIRING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Neither or both of workerId and stationId (supervision.target), the "
            + "supervisor supervising itself (supervision.supervisor), another invalid field, or a malformed Idempotency-Key")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such supervisor (supervisorId) or supervised worker (workerId) in "
            + "your scope")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The station is not known here (supervision.station.unknown), or the "
            + "Idempotency-Key was used with another body")
    @Idempotent
    public Response pair(@Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PairingRequest.class),
                    examples = @ExampleObject(name = "worker", summary = "许晨 supervises 顾明", value = """
                            {"supervisorId":"6a1d3b5f-9e2c-4d72-8b68-3c9f5e7a2b02",\
                            "workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","from":"2024-07-01","to":"2024-12-31"}""")))
            @NotNull @Valid PairingRequest request) {
        SupervisionView view = service.pair(request);
        return Response.created(URI.create("/api/v1/supervisions/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSupervision", summary = "Read a pairing with its sessions and total hours (查看督导关系)",
            description = "For the bureaus of the pairing's region and whoever may read the supervisor.")
    @APIResponse(responseCode = "200", description = "The pairing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupervisionView.class),
                    examples = @ExampleObject(name = "pairing", summary = "One session held", value = SESSIONS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public SupervisionView get(@Parameter(description = "The pairing's id") @PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}/sessions")
    @Operation(operationId = "recordSupervisionSession", summary = "Record a supervision session (记录督导活动)",
            description = "0.5 to 24 hours on heldOn, with a topic; answers the pairing with all its sessions and the new "
                    + "total. You must be allowed to change the supervisor.")
    @APIResponse(responseCode = "201", description = "Recorded; the pairing with its sessions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupervisionView.class),
                    examples = @ExampleObject(name = "recorded", summary = "The first session", value = SESSIONS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. hours outside 0.5–24, or a malformed Idempotency-Key")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    @Idempotent
    public Response addSession(@Parameter(description = "The pairing's id") @PathParam("id") UUID id,
            @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SessionRequest.class),
                    examples = @ExampleObject(name = "session", summary = "Two and a half hours of case supervision",
                            value = "{\"heldOn\":\"2024-07-15\",\"hours\":2.5,\"topic\":\"独居老人个案评估与服务计划\"}")))
            @NotNull @Valid SessionRequest request) {
        return Response.status(201).entity(service.addSession(id, request)).build();
    }
}
