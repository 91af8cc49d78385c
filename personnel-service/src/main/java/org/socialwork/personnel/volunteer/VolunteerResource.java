package org.socialwork.personnel.volunteer;

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
import jakarta.ws.rs.core.HttpHeaders;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/volunteers")
@Tag(name = "Volunteers", description = "Volunteers registered under stations by the workers who recruited them (志愿者)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VolunteerResource {

    static final String NOT_FOUND = "No such volunteer in your scope";
    static final String WRITE_FORBIDDEN = "Your role may not manage volunteers (only platform-admin, bureau-admin and "
            + "agency-admin may), or the recruiting worker is outside what you may change (worker.forbidden.scope)";

    static final String VOLUNTEER_EXAMPLE = """
            {"id":"e1f6a3b8-7c4d-4e5f-a094-3b9c5d7e1fa1","version":0,"stationId":"c7b4e2d9-1f6a-4a83-b5e0-9d3c8f2a6b21",\
            "stationRegionCode":"330481001","recruitedByWorkerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01",\
            "name":"陈美华","registeredOn":"2024-07-01","serviceHours":12.5,"regular":true,"status":"ACTIVE",\
            "createdAt":"2024-07-01T15:00:00+08:00","updatedAt":"2024-07-01T15:00:00+08:00"}""";

    @Inject
    VolunteerService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "createVolunteer", summary = "Register a volunteer (登记志愿者)",
            description = "Each worker recruits volunteers at its station: the recruiter must be a worker you may change and "
                    + "must be (or have been) assigned to the station, which must be known here. The volunteer's name "
                    + "stays in this service and never enters an event.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VolunteerView.class),
                    examples = @ExampleObject(name = "registered", summary = "A regular volunteer recruited by 顾明",
                            value = VOLUNTEER_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, or a malformed Idempotency-Key")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such recruiting worker (recruitedByWorkerId) in your scope")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The station is not known here (volunteer.station.unknown), the "
            + "recruiter was never assigned to it (volunteer.recruiter), or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<VolunteerView> create(@Parameter(description = "Optional, 1 to 255 characters, scoped to the caller: a retry with the "
            + "same key and body gets the stored answer again (Idempotent-Replayed: true)")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VolunteerCreateRequest.class),
                    examples = @ExampleObject(name = "volunteer", summary = "陈美华 volunteers at 硖石街道社会工作站", value = """
                            {"stationId":"c7b4e2d9-1f6a-4a83-b5e0-9d3c8f2a6b21",\
                            "recruitedByWorkerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","name":"陈美华",\
                            "registeredOn":"2024-07-01","serviceHours":12.5,"regular":true}""")))
            @NotNull @Valid VolunteerCreateRequest request) {
        VolunteerView view = service.create(request);
        return RestResponse.ResponseBuilder.<VolunteerView>created(URI.create("/api/v1/volunteers/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getVolunteer", summary = "Read a volunteer (查看志愿者)",
            description = "With the name. For the bureaus of the station's region and whoever may read the recruiter.")
    @APIResponse(responseCode = "200", description = "The volunteer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VolunteerView.class),
                    examples = @ExampleObject(name = "volunteer", summary = "A regular volunteer", value = VOLUNTEER_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public RestResponse<VolunteerView> get(@Parameter(description = "The volunteer's id") @PathParam("id") UUID id) {
        VolunteerView view = service.get(id);
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateVolunteer", summary = "Update hours, regular flag and status (更新志愿者服务信息)",
            description = "Replaces serviceHours, regular and status (ACTIVE or INACTIVE). You must be allowed to change the "
                    + "recruiting worker. Needs If-Match (the volunteer's ETag).")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VolunteerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a status other than ACTIVE or INACTIVE")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "412", description = "If-Match is stale: the volunteer changed since you read it")
    public RestResponse<VolunteerView> update(@Parameter(description = "The volunteer's id") @PathParam("id") UUID id,
            @Parameter(description = "The volunteer's ETag as last read; required (without it 428, with another version 412)")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VolunteerUpdateRequest.class),
                    examples = @ExampleObject(name = "hours", summary = "More service hours",
                            value = "{\"serviceHours\":20.0,\"regular\":true,\"status\":\"ACTIVE\"}")))
            @NotNull @Valid VolunteerUpdateRequest request) {
        VolunteerView view = service.update(id, ifMatch, request);
        return RestResponse.ok(view);
    }
}
