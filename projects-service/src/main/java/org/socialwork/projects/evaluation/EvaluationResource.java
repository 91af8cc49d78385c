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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1")
@Tag(name = "Evaluations", description = "Weighted templates, project evaluations by several assessors, rectification items")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    @Inject
    EvaluationService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/evaluation-templates")
    @Operation(summary = "Create an evaluation template", description = "Dimensions → indicators whose weights add up to 100.")
    @APIResponse(responseCode = "422", description = "The weights do not add up to 100")
    @Idempotent
    public Response createTemplate(@HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid TemplateRequest request) {
        TemplateView view = service.createTemplate(request);
        return Preconditions.created(URI.create("/api/v1/evaluation-templates/" + view.id()), view, view.version());
    }

    @GET
    @Path("/evaluation-templates")
    @Operation(summary = "List evaluation templates")
    public List<TemplateView> templates() {
        return service.templates();
    }

    @GET
    @Path("/evaluation-templates/{id}")
    @Operation(summary = "Read an evaluation template")
    public Response template(@PathParam("id") UUID id) {
        TemplateView view = service.template(id);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/evaluations")
    @Operation(summary = "Start an evaluation of a project", description = "The purchasing bureau; assessor weights add up to 100.")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid EvaluationRequest request) {
        EvaluationView view = service.create(request);
        return Preconditions.created(URI.create("/api/v1/evaluations/" + view.id()), view, view.version());
    }

    @GET
    @Path("/evaluations/{id}")
    @Operation(summary = "Read an evaluation", description = "Evaluators see the evaluations of projects assigned to them.")
    public Response get(@PathParam("id") UUID id) {
        EvaluationView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.EVALUATOR})
    @Path("/evaluations/{id}/scores")
    @Operation(summary = "Enter one assessor's scores", description = "0–100 per indicator of the template. Needs If-Match.")
    public Response score(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ScoresRequest request) {
        EvaluationView view = service.score(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/evaluations/{id}/completion")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Compute the score and grade", description = "EXCELLENT ≥ 90, GOOD ≥ 80, PASS ≥ 60, FAIL. Needs If-Match.")
    public Response complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        EvaluationView view = service.complete(id, ifMatch);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.EVALUATOR})
    @Path("/evaluations/{id}/rectifications")
    @Operation(summary = "Add a rectification item with a due date", description = "Needs If-Match.")
    public Response rectify(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RectificationRequest request) {
        EvaluationView view = service.addRectification(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/evaluations/{id}/rectifications/{rectificationId}/closure")
    @Operation(summary = "Close a rectification item", description = "Needs If-Match.")
    public Response close(@PathParam("id") UUID id, @PathParam("rectificationId") UUID rectificationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ClosureRequest request) {
        EvaluationView view = service.closeRectification(id, rectificationId, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }
}
