package org.socialwork.reporting.warning;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.reporting.dashboard.DashboardResource;

import io.quarkus.security.Authenticated;

@Path("/api/v1")
@Tag(name = "Warnings", description = "Supervision warnings computed from the read models (监管预警)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WarningResource {

    static final String ID = "Warning id";
    static final String IF_MATCH = "The ETag of the version the change is based on";

    static final String WARNING_EXAMPLE = """
            {"id": "2e9b4c17-6d3a-4f85-a0b2-9c1e7f4d3a60", "version": 0, "kind": "STATION_INACTIVE",
             "regionCode": "330481001", "subjectType": "STATION", "subjectId": "3f6c2a8e-5b1d-4c7a-9e20-8d4b1f6a7c35",
             "severity": "MEDIUM", "detail": "站点硖石街道社会工作站已连续 14 天无服务记录", "measured": 0, "threshold": 14,
             "status": "OPEN", "raisedAt": "2026-10-20T00:30:00Z", "updatedAt": "2026-10-20T00:30:00Z"}
            """;

    @Inject
    WarningService service;

    @Inject
    BusinessClock clock;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/warnings")
    @Operation(operationId = "listWarnings", summary = "List the warnings of a region subtree (预警列表)",
            description = "Keyset-paginated, newest first (limit ≤ 200, default 50; follow `next`); filter by status (OPEN, "
                    + "ACKNOWLEDGED, RESOLVED) and kind.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Page<WarningView> list(
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "Only warnings in this status") @QueryParam("status") WarningStatus status,
            @Parameter(description = "Only warnings of this rule") @QueryParam("kind") WarningKind kind,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page; absent for the first page") @QueryParam("cursor") String cursor) {
        return service.page(region, status, kind, PageRequest.of(limit, cursor, 2), uriInfo);
    }

    @GET
    @Path("/warnings/{id}")
    @Operation(operationId = "getWarning", summary = "Read a warning (查看预警)", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The warning; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WarningView.class),
                    examples = @ExampleObject(name = "inactiveStation", summary = "A station without service records for 14 days", value = WARNING_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such warning in your scope")
    public RestResponse<WarningView> get(@Parameter(description = ID) @PathParam("id") UUID id) {
        WarningView view = service.get(id);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/warnings/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "acknowledgeWarning", summary = "Acknowledge a warning (确认预警)",
            description = "bureau-admin; an OPEN warning becomes ACKNOWLEDGED. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The warning, ACKNOWLEDGED; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WarningView.class)))
    @APIResponse(responseCode = "404", description = "No such warning in your scope")
    public RestResponse<WarningView> acknowledge(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        WarningView view = service.transition(id, ifMatch, WarningStatus.ACKNOWLEDGED);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/warnings/{id}/resolve")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "resolveWarning", summary = "Resolve a warning (处置预警)",
            description = "bureau-admin; an open or acknowledged warning becomes RESOLVED. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The warning, RESOLVED; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WarningView.class)))
    @APIResponse(responseCode = "404", description = "No such warning in your scope")
    public RestResponse<WarningView> resolve(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        WarningView view = service.transition(id, ifMatch, WarningStatus.RESOLVED);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN})
    @Path("/admin/warnings/evaluate")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "evaluateWarnings", summary = "Evaluate the warning rules now (立即执行预警规则)",
            description = "platform-admin; as of the business day (Asia/Shanghai) or the given date. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "How many warnings were raised and resolved, and how many are open",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WarningService.Evaluation.class)))
    @Idempotent
    public Response evaluate(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Parameter(description = "The business day to evaluate as of (yyyy-MM-dd); today (Asia/Shanghai) when absent",
                    schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-10-20")
            @QueryParam("asOf") String asOf) {
        LocalDate today;
        try {
            today = asOf == null ? clock.today() : LocalDate.parse(asOf);
        } catch (java.time.format.DateTimeParseException e) {
            throw Problems.invalidField("asOf", "reporting.period.invalid", asOf);
        }
        return Response.ok(service.evaluateNow(today)).build();
    }
}
