package org.socialwork.projects.evaluation;

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

@Path("/api/v1")
@Tag(name = "Evaluations", description = "Weighted templates, project evaluations by several assessors, rectification items "
        + "(项目评估：评估模板、多方评估、整改事项)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    static final String IDEMPOTENCY_KEY = "Optional key (1–255 characters) that makes retries safe";
    static final String IF_MATCH = "The ETag of the version the change is based on";

    /** The mid-term template of the Haining demo: three dimensions, weights 25 + 35 + 40. */
    static final String TEMPLATE_REQUEST_EXAMPLE = """
            {"name": "乡镇社工站项目中期评估", "dimensions": [
              {"name": "规范建设", "indicators": [{"code": "S1", "name": "制度与档案", "weight": 25,
                "guidance": "制度上墙、服务档案完整"}]},
              {"name": "专业服务", "indicators": [{"code": "P1", "name": "个案与小组", "weight": 35}]},
              {"name": "服务成效", "indicators": [{"code": "E1", "name": "目标达成与满意度", "weight": 40}]}]}
            """;

    static final String TEMPLATE_EXAMPLE = """
            {"id": "5b0e8c2d-7a41-4f3e-9c6b-2d8f1a4e7b90", "version": 0, "name": "乡镇社工站项目中期评估", "dimensions": [
              {"name": "规范建设", "indicators": [{"code": "S1", "name": "制度与档案", "weight": 25,
                "guidance": "制度上墙、服务档案完整"}]},
              {"name": "专业服务", "indicators": [{"code": "P1", "name": "个案与小组", "weight": 35}]},
              {"name": "服务成效", "indicators": [{"code": "E1", "name": "目标达成与满意度", "weight": 40}]}],
             "createdAt": "2026-06-20T02:00:00Z"}
            """;

    static final String EVALUATION_REQUEST_EXAMPLE = """
            {"projectId": "8c3f1e7a-2b4d-4a69-9e15-7f0d2c6b3a81", "templateId": "5b0e8c2d-7a41-4f3e-9c6b-2d8f1a4e7b90",
             "kind": "MID_TERM", "assessors": [
               {"kind": "THIRD_PARTY", "subject": "evaluator-zj-001", "weight": 70},
               {"kind": "BUREAU", "subject": "bureau-330481-admin", "weight": 30}]}
            """;

    static final String EVALUATION_CREATED_EXAMPLE = """
            {"id": "e41a7d2c-9f3b-4c58-8a06-1b7e5d2f9c34", "version": 0, "projectId": "8c3f1e7a-2b4d-4a69-9e15-7f0d2c6b3a81",
             "templateId": "5b0e8c2d-7a41-4f3e-9c6b-2d8f1a4e7b90", "kind": "MID_TERM", "status": "IN_PROGRESS",
             "assessors": [
               {"kind": "THIRD_PARTY", "subject": "evaluator-zj-001", "weight": 70, "scores": {}},
               {"kind": "BUREAU", "subject": "bureau-330481-admin", "weight": 30, "scores": {}}],
             "rectifications": [], "createdAt": "2026-06-20T02:10:00Z", "updatedAt": "2026-06-20T02:10:00Z"}
            """;

    static final String EVALUATION_EXAMPLE = """
            {"id": "e41a7d2c-9f3b-4c58-8a06-1b7e5d2f9c34", "version": 4, "projectId": "8c3f1e7a-2b4d-4a69-9e15-7f0d2c6b3a81",
             "templateId": "5b0e8c2d-7a41-4f3e-9c6b-2d8f1a4e7b90", "kind": "MID_TERM", "status": "COMPLETED",
             "assessors": [
               {"kind": "THIRD_PARTY", "subject": "evaluator-zj-001", "weight": 70, "scores": {"S1": 88, "P1": 90, "E1": 85}},
               {"kind": "BUREAU", "subject": "bureau-330481-admin", "weight": 30, "scores": {"S1": 92, "P1": 86, "E1": 80}}],
             "score": 86.78, "grade": "GOOD", "completedOn": "2026-06-30",
             "rectifications": [{"id": "a7c2e9f1-3d5b-4b80-9e64-0f1d8c7b2a53", "description": "服务档案补齐签名",
               "dueOn": "2026-08-31"}],
             "createdAt": "2026-06-20T02:10:00Z", "updatedAt": "2026-07-01T06:00:00Z"}
            """;

    static final String SCORES_EXAMPLE = """
            {"assessor": "THIRD_PARTY", "scores": {"S1": 88, "P1": 90, "E1": 85}}
            """;

    static final String RECTIFICATION_EXAMPLE = """
            {"description": "服务档案补齐签名", "dueOn": "2026-08-31"}
            """;

    static final String CLOSURE_EXAMPLE = """
            {"closedOn": "2026-08-20"}
            """;

    @Inject
    EvaluationService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/evaluation-templates")
    @Operation(operationId = "createEvaluationTemplate", summary = "Create an evaluation template (新建评估模板)",
            description = "Dimensions → indicators whose weights add up to 100; indicator codes are unique in the template. "
                    + "Platform and bureau admins. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Created; Location names the template, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class),
                    examples = @ExampleObject(name = "midTerm", summary = "The Haining mid-term template", value = TEMPLATE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "The weights do not add up to 100 (evaluation.weights), "
            + "or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<TemplateView> createTemplate(
            @Parameter(description = IDEMPOTENCY_KEY, schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateRequest.class),
                    examples = @ExampleObject(name = "midTerm", summary = "Three dimensions weighted 25, 35 and 40",
                            value = TEMPLATE_REQUEST_EXAMPLE)))
            @NotNull @Valid TemplateRequest request) {
        TemplateView view = service.createTemplate(request);
        return RestResponse.ResponseBuilder.<TemplateView>created(URI.create("/api/v1/evaluation-templates/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/evaluation-templates")
    @Operation(operationId = "listEvaluationTemplates", summary = "List evaluation templates (评估模板列表)",
            description = "All templates, readable by every signed-in user.")
    @APIResponse(responseCode = "200", description = "The templates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TemplateView.class)))
    public List<TemplateView> templates() {
        return service.templates();
    }

    @GET
    @Path("/evaluation-templates/{id}")
    @Operation(operationId = "getEvaluationTemplate", summary = "Read an evaluation template (查看评估模板)",
            description = "The template with its dimensions and weighted indicators; the ETag is its version.")
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class),
                    examples = @ExampleObject(name = "midTerm", summary = "The Haining mid-term template", value = TEMPLATE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such template")
    public RestResponse<TemplateView> template(@Parameter(description = "Template id") @PathParam("id") UUID id) {
        TemplateView view = service.template(id);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/evaluations")
    @Operation(operationId = "createEvaluation", summary = "Start an evaluation of a project (发起项目评估)",
            description = "By the purchasing bureau; one entry per assessor kind, the assessor weights add up to 100. "
                    + "Starts IN_PROGRESS. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Created; Location names the evaluation, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class),
                    examples = @ExampleObject(name = "started", summary = "A mid-term evaluation, no scores yet",
                            value = EVALUATION_CREATED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller does not manage the project (project.forbidden.manage)")
    @APIResponse(responseCode = "422", description = "The assessor weights do not add up to 100 (evaluation.assessor-weights), "
            + "or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<EvaluationView> create(
            @Parameter(description = IDEMPOTENCY_KEY, schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationRequest.class),
                    examples = @ExampleObject(name = "midTerm", summary = "Third party 70 %, bureau 30 %",
                            value = EVALUATION_REQUEST_EXAMPLE)))
            @NotNull @Valid EvaluationRequest request) {
        EvaluationView view = service.create(request);
        return RestResponse.ResponseBuilder.<EvaluationView>created(URI.create("/api/v1/evaluations/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/evaluations/{id}")
    @Operation(operationId = "getEvaluation", summary = "Read an evaluation (查看项目评估)",
            description = "Assessors, scores, the weighted score and grade once completed, and the rectification items. "
                    + "Evaluators see the evaluations of projects assigned to them. The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class),
                    examples = @ExampleObject(name = "completed", summary = "A completed mid-term evaluation graded GOOD",
                            value = EVALUATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such evaluation in your scope")
    public RestResponse<EvaluationView> get(@Parameter(description = "Evaluation id") @PathParam("id") UUID id) {
        EvaluationView view = service.get(id);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.EVALUATOR})
    @Path("/evaluations/{id}/scores")
    @Operation(operationId = "recordEvaluationScores", summary = "Enter one assessor's scores (录入评估得分)",
            description = "0–100 for every indicator of the template, by the assessor's subject. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The evaluation with the scores; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or the scores do not cover exactly the template's indicators "
            + "(evaluation.scores.indicators)")
    @APIResponse(responseCode = "403", description = "The caller is not this assessor (evaluation.forbidden.assessor)")
    @APIResponse(responseCode = "404", description = "No such evaluation in your scope")
    @APIResponse(responseCode = "409", description = "The evaluation is already completed (evaluation.completed)")
    @APIResponse(responseCode = "422", description = "The evaluation has no such assessor (evaluation.assessor.unknown)")
    public RestResponse<EvaluationView> score(@Parameter(description = "Evaluation id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScoresRequest.class),
                    examples = @ExampleObject(name = "thirdParty", summary = "The third-party evaluator's scores",
                            value = SCORES_EXAMPLE)))
            @NotNull @Valid ScoresRequest request) {
        EvaluationView view = service.score(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/evaluations/{id}/completion")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "completeEvaluation", summary = "Compute the score and grade (完成评估并评定等级)",
            description = "Weights the assessors' scores into one score: EXCELLENT ≥ 90, GOOD ≥ 80, PASS ≥ 60, FAIL below. "
                    + "Every assessor must have scored. No body. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The completed evaluation; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "403", description = "The caller does not manage the project (project.forbidden.manage)")
    @APIResponse(responseCode = "404", description = "No such evaluation in your scope")
    @APIResponse(responseCode = "409", description = "The evaluation is already completed (evaluation.completed)")
    @APIResponse(responseCode = "422", description = "An assessor has not scored yet (evaluation.scores.missing)")
    public RestResponse<EvaluationView> complete(@Parameter(description = "Evaluation id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"2\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        EvaluationView view = service.complete(id, ifMatch);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.EVALUATOR})
    @Path("/evaluations/{id}/rectifications")
    @Operation(operationId = "addEvaluationRectification", summary = "Add a rectification item with a due date (添加整改事项)",
            description = "What the agency must fix and by when. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The evaluation with the new item; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "404", description = "No such evaluation in your scope")
    public RestResponse<EvaluationView> rectify(@Parameter(description = "Evaluation id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RectificationRequest.class),
                    examples = @ExampleObject(name = "records", summary = "Complete the service records", value = RECTIFICATION_EXAMPLE)))
            @NotNull @Valid RectificationRequest request) {
        EvaluationView view = service.addRectification(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/evaluations/{id}/rectifications/{rectificationId}/closure")
    @Operation(operationId = "closeEvaluationRectification", summary = "Close a rectification item (整改事项销号)",
            description = "Records the day the item was fixed. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The evaluation with the item closed; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "403", description = "The caller does not manage the project (project.forbidden.manage)")
    @APIResponse(responseCode = "404", description = "No such evaluation or rectification item")
    @APIResponse(responseCode = "409", description = "The item is already closed (evaluation.rectification.closed)")
    public RestResponse<EvaluationView> close(@Parameter(description = "Evaluation id") @PathParam("id") UUID id,
            @Parameter(description = "Rectification item id") @PathParam("rectificationId") UUID rectificationId,
            @Parameter(description = IF_MATCH, required = true, example = "\"4\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClosureRequest.class),
                    examples = @ExampleObject(name = "fixed", summary = "Fixed on 20 August", value = CLOSURE_EXAMPLE)))
            @NotNull @Valid ClosureRequest request) {
        EvaluationView view = service.closeRectification(id, rectificationId, ifMatch, request);
        return RestResponse.ok(view);
    }
}
