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

import io.quarkus.security.Authenticated;

@Path("/api/v1/cases")
@Tag(name = "Cases", description = "Casework: open, plan, sessions (service records naming the case), referral, closure (个案管理)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    static final String IF_MATCH = "The ETag of the case version the change is based on";

    static final String OPEN_EXAMPLE = """
            {"clientId": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "workerId": "5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69",
             "problemAreas": ["家庭关系", "情绪困扰"], "plan": "每两周面谈一次，链接社区心理咨询资源"}
            """;

    static final String OPENED_EXAMPLE = """
            {"id": "6a5b4c3d-2e1f-4a9b-8c7d-6e5f4a3b2c1d", "version": 0, "clientId": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
             "workerId": "5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69", "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64",
             "problemAreas": ["家庭关系", "情绪困扰"], "plan": "每两周面谈一次，链接社区心理咨询资源", "status": "OPEN",
             "openedOn": "2024-09-05", "sessionRecordIds": [],
             "createdAt": "2024-09-05T02:00:00Z", "updatedAt": "2024-09-05T02:00:00Z"}
            """;

    static final String CASE_EXAMPLE = """
            {"id": "6a5b4c3d-2e1f-4a9b-8c7d-6e5f4a3b2c1d", "version": 1, "clientId": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
             "workerId": "5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69", "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64",
             "problemAreas": ["家庭关系", "情绪困扰"], "plan": "每两周面谈一次，链接社区心理咨询资源", "status": "REFERRED",
             "referral": {"toAgencyId": "7d1c3f0e-52a4-4c59-9a0b-2f5a1e6d8c31", "reason": "需专业心理干预", "referredOn": "2024-10-08"},
             "openedOn": "2024-09-05",
             "sessionRecordIds": ["2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60", "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a71"],
             "createdAt": "2024-09-05T02:00:00Z", "updatedAt": "2024-10-08T06:30:00Z"}
            """;

    static final String REFERRAL_EXAMPLE = """
            {"toAgencyId": "7d1c3f0e-52a4-4c59-9a0b-2f5a1e6d8c31", "reason": "需专业心理干预"}
            """;

    static final String CLOSURE_EXAMPLE = """
            {"outcome": "家庭关系改善，目标达成"}
            """;

    @Inject
    CaseService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Operation(operationId = "createCase", summary = "Open a case for a client (个案开案)",
            description = "Opens a case at the client's station, carried by the given worker; sessions are the service "
                    + "records that name the case. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Opened; Location names the case, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class),
                    examples = @ExampleObject(name = "opened", summary = "A new case about family relations", value = OPENED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The client's station is not one of yours (client.forbidden.station)")
    @APIResponse(responseCode = "404", description = "No such client in your scope")
    @APIResponse(responseCode = "422", description = "Unknown worker (client.worker.unknown), or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<CaseView> open(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseOpenRequest.class),
                    examples = @ExampleObject(name = "familyRelations", summary = "A case about family relations and distress", value = OPEN_EXAMPLE)))
            @NotNull @Valid CaseOpenRequest request) {
        CaseView view = service.open(request);
        return RestResponse.ResponseBuilder.<CaseView>created(URI.create("/api/v1/cases/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCase", summary = "Read a case with its sessions (查看个案)",
            description = "The case, its referral and outcome, and the ids of the service records that name it. Readable by "
                    + "whoever may read its client. The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The case; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class),
                    examples = @ExampleObject(name = "referred", summary = "A case referred to a specialised agency", value = CASE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such case in your scope")
    public RestResponse<CaseView> get(@Parameter(description = "Case id") @PathParam("id") UUID id) {
        CaseView view = service.get(id);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/{id}/referral")
    @Operation(operationId = "referCase", summary = "Refer a case to another station or agency (个案转介)",
            description = "Names a station, an agency or both, and why; the case becomes REFERRED. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The referred case; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Neither a station nor an agency named (case.referral.target)")
    @APIResponse(responseCode = "403", description = "The case's station is not one of yours (client.forbidden.station)")
    @APIResponse(responseCode = "404", description = "No such case in your scope")
    @APIResponse(responseCode = "409", description = "The case is closed (case.closed)")
    @APIResponse(responseCode = "422", description = "Unknown station (case.referral.station.unknown) or agency (case.referral.agency.unknown)")
    public RestResponse<CaseView> refer(@Parameter(description = "Case id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseReferralRequest.class),
                    examples = @ExampleObject(name = "toAgency", summary = "Referred to an agency for psychological help", value = REFERRAL_EXAMPLE)))
            @NotNull @Valid CaseReferralRequest request) {
        CaseView view = service.refer(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/{id}/closure")
    @Operation(operationId = "closeCase", summary = "Close a case with its outcome (个案结案)",
            description = "The case becomes CLOSED today (Asia/Shanghai) with the outcome; a closed case no longer changes. "
                    + "Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The closed case; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "The case's station is not one of yours (client.forbidden.station)")
    @APIResponse(responseCode = "404", description = "No such case in your scope")
    @APIResponse(responseCode = "409", description = "The case is already closed (case.closed)")
    public RestResponse<CaseView> close(@Parameter(description = "Case id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"1\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseClosureRequest.class),
                    examples = @ExampleObject(name = "goalsMet", summary = "Closed with the goals met", value = CLOSURE_EXAMPLE)))
            @NotNull @Valid CaseClosureRequest request) {
        CaseView view = service.close(id, ifMatch, request);
        return RestResponse.ok(view);
    }
}
