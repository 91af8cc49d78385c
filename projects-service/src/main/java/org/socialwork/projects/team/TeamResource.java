package org.socialwork.projects.team;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import org.socialwork.projects.project.ProjectView;

import io.quarkus.security.Authenticated;

@Path("/api/v1/projects/{id}/team")
@Tag(name = "Project teams", description = "The workers of a project team; every joining and leaving is kept (项目团队)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    static final String MEMBER_EXAMPLE = """
            {"workerId": "5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69", "role": "PROJECT_LEAD", "since": "2024-07-01"}
            """;

    @Inject
    TeamService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "addTeamMember", summary = "Add a worker to the team (项目团队增加成员)",
            description = "The purchasing bureau or the contractor's agency admin. The worker must be employed by the "
                    + "contractor and not on the dishonesty list; a worker serves at most one IN_SERVICE project at a time. "
                    + "Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "200", description = "The project with its new team; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project in your scope")
    @APIResponse(responseCode = "409", description = "Already a member, or serving another IN_SERVICE project (team.worker.busy), "
            + "or a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Unknown worker, not employed by the contractor, or on the dishonesty list, "
            + "or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<ProjectView> add(@Parameter(description = "Project id") @PathParam("id") UUID id,
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MemberRequest.class),
                    examples = @ExampleObject(name = "projectLead", summary = "The project lead joins when service starts", value = MEMBER_EXAMPLE)))
            @NotNull @Valid MemberRequest request) {
        ProjectView view = service.add(id, request);
        return RestResponse.ok(view);
    }

    @DELETE
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{workerId}")
    @Operation(operationId = "removeTeamMember", summary = "Take a worker off the team (项目团队移除成员)",
            description = "Needs If-Match (the project's ETag); the change is kept as LEFT with the reason given.")
    @APIResponse(responseCode = "200", description = "The project with its new team; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project in your scope, or the worker is not on its team")
    public RestResponse<ProjectView> remove(@Parameter(description = "Project id") @PathParam("id") UUID id,
            @Parameter(description = "Id of the worker leaving the team") @PathParam("workerId") UUID workerId,
            @Parameter(description = "The ETag of the project version the change is based on", required = true, example = "\"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Why the worker leaves, kept with the change (optional, at most 500 characters)",
                    example = "调岗至其他社工站")
            @QueryParam("reason") @Size(max = 500) String reason) {
        ProjectView view = service.remove(id, workerId, ifMatch, reason);
        return RestResponse.ok(view);
    }

    @GET
    @Path("/changes")
    @Operation(operationId = "listTeamChanges", summary = "List every change of the team (项目团队变动记录)",
            description = "Every JOINED and LEFT change, oldest first, with who made it and why. Churn is the number of LEFT changes.")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TeamChangeView.class)))
    @APIResponse(responseCode = "404", description = "No such project in your scope")
    public List<TeamChangeView> changes(@Parameter(description = "Project id") @PathParam("id") UUID id) {
        return service.changes(id);
    }
}
