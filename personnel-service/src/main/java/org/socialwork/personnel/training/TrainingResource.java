package org.socialwork.personnel.training;

import java.net.URI;
import java.time.LocalDate;
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

@Path("/api/v1/trainings")
@Tag(name = "Trainings", description = "Training courses, attendance and training hours (培训)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingResource {

    static final String NOT_FOUND = "No such training in your scope";
    static final String WRITE_FORBIDDEN = "Only platform-admin and bureau-admin manage trainings, and a bureau only those "
            + "organised in its region (training.forbidden.region)";

    static final String TRAINING_EXAMPLE = """
            {"id":"c9d4e1f6-5a2b-4c3d-9e83-1f7a3b5c8d91","version":0,"title":"2024 年度海宁市社会工作者岗前培训",\
            "type":"PRE_JOB","provider":"浙江省社会工作协会","organizerRegionCode":"330481","hours":16.0,\
            "startsOn":"2024-03-04","endsOn":"2024-03-05","attendance":[],\
            "createdAt":"2024-02-20T09:00:00+08:00","updatedAt":"2024-02-20T09:00:00+08:00"}""";

    static final String ATTENDED_EXAMPLE = """
            {"id":"c9d4e1f6-5a2b-4c3d-9e83-1f7a3b5c8d91","version":1,"title":"2024 年度海宁市社会工作者岗前培训",\
            "type":"PRE_JOB","provider":"浙江省社会工作协会","organizerRegionCode":"330481","hours":16.0,\
            "startsOn":"2024-03-04","endsOn":"2024-03-05",\
            "attendance":[{"workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","hours":16.0,"completed":true}],\
            "createdAt":"2024-02-20T09:00:00+08:00","updatedAt":"2024-03-06T11:00:00+08:00"}""";

    @Inject
    TrainingService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(operationId = "createTraining", summary = "Create a training (新建培训)",
            description = "A course organised by a bureau (organizerRegionCode: its 2-, 4-, 6- or 9-digit division code), "
                    + "0.5 to 2,000 hours, ending on or after its start. bureau-admin covering organizerRegionCode, or "
                    + "platform-admin.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingView.class),
                    examples = @ExampleObject(name = "created", summary = "Haining's pre-job training (岗前培训)",
                            value = TRAINING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. endsOn before startsOn (training.dates), or a "
            + "malformed Idempotency-Key")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<TrainingView> create(@Parameter(description = "Optional, 1 to 255 characters, scoped to the caller: a retry with the "
            + "same key and body gets the stored answer again (Idempotent-Replayed: true)")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrainingRequest.class),
                    examples = @ExampleObject(name = "preJob", summary = "Two days of pre-job training in Haining", value = """
                            {"title":"2024 年度海宁市社会工作者岗前培训","type":"PRE_JOB","provider":"浙江省社会工作协会",\
                            "organizerRegionCode":"330481","hours":16.0,"startsOn":"2024-03-04","endsOn":"2024-03-05"}""")))
            @NotNull @Valid TrainingRequest request) {
        TrainingView view = service.create(request);
        return RestResponse.ResponseBuilder.<TrainingView>created(URI.create("/api/v1/trainings/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTraining", summary = "Read a training with its attendance (查看培训及参训情况)",
            description = "For platform-admin, the bureaus above or below the organiser, and agencies registered under the "
                    + "organiser or whose staff attended. The attendance lists only workers you may see.")
    @APIResponse(responseCode = "200", description = "The training",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingView.class),
                    examples = @ExampleObject(name = "attended", summary = "顾明 completed it", value = ATTENDED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public RestResponse<TrainingView> get(@Parameter(description = "The training's id") @PathParam("id") UUID id) {
        TrainingView view = service.get(id);
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/attendance/{workerId}")
    @Operation(operationId = "recordTrainingAttendance", summary = "Record a worker's attendance (登记参训情况)",
            description = "Creates or replaces it; attended hours cannot exceed the training's hours. If-Match: the "
                    + "training's ETag.")
    @APIResponse(responseCode = "200", description = "The training with the attendance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. more hours than the training has (training.hours)")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND + ", or no such worker")
    @APIResponse(responseCode = "412", description = "If-Match is stale: the training changed since you read it")
    public RestResponse<TrainingView> attend(@Parameter(description = "The training's id") @PathParam("id") UUID id,
            @Parameter(description = "The attending worker's id") @PathParam("workerId") UUID workerId,
            @Parameter(description = "The training's ETag as last read; required (without it 428, with another version 412)")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttendanceRequest.class),
                    examples = @ExampleObject(name = "completed", summary = "All 16 hours, completed",
                            value = "{\"hours\":16.0,\"completed\":true}")))
            @NotNull @Valid AttendanceRequest request) {
        TrainingView view = service.attend(id, workerId, ifMatch, request);
        return RestResponse.ok(view);
    }
}
