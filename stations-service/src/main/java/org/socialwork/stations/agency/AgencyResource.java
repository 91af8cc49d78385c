package org.socialwork.stations.agency;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

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
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/agencies")
@Tag(name = "Agencies", description = "Social-work agencies that operate stations and projects (社工机构)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgencyResource {

    static final String CREATE_EXAMPLE = """
            {"name": "海宁市益民社会工作服务中心", "creditCode": "52330481MJ8765432X",
             "legalForm": "SOCIAL_SERVICE_ORGANIZATION", "registrationRegion": "330481", "grade": "4A", "gradeYear": 2024,
             "contact": {"person": "办公室", "email": "office@yimin.example.org", "address": "浙江省嘉兴市海宁市硖石街道"}}
            """;

    static final String AGENCY_EXAMPLE = """
            {"id": "6d2b9f18-7c3e-4a51-8f0d-4e6a2c9b1d73", "name": "海宁市益民社会工作服务中心",
             "creditCode": "52330481MJ8765432X", "legalForm": "SOCIAL_SERVICE_ORGANIZATION", "registrationRegion": "330481",
             "grade": "4A", "gradeYear": 2024,
             "contact": {"person": "办公室", "email": "office@yimin.example.org", "address": "浙江省嘉兴市海宁市硖石街道"},
             "status": "ACTIVE", "version": 0, "createdAt": "2026-03-01T02:00:00Z", "updatedAt": "2026-03-01T02:00:00Z"}
            """;

    static final String UPDATE_EXAMPLE = """
            {"name": "海宁市益民社会工作服务中心", "legalForm": "SOCIAL_SERVICE_ORGANIZATION", "grade": "5A", "gradeYear": 2026,
             "contact": {"person": "项目部", "email": "projects@yimin.example.org", "address": "浙江省嘉兴市海宁市硖石街道"},
             "status": "ACTIVE"}
            """;

    @Inject
    AgencyService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(operationId = "createAgency", summary = "Register an agency (登记社工机构)",
            description = "Needs platform-admin or a bureau-admin covering the registration region (a province, city or "
                    + "county code). The agency starts ACTIVE; its unified social credit code (统一社会信用代码) must carry a "
                    + "correct check character and be unique. grade and gradeYear go together. Send an Idempotency-Key to "
                    + "retry safely.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the agency, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class),
                    examples = @ExampleObject(name = "registered", summary = "A Haining agency", value = AGENCY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a credit code with a wrong check character "
            + "(agency.credit-code.invalid) or a grade without its year (agency.grade-year.required)")
    @APIResponse(responseCode = "403", description = "Not a platform-admin or bureau-admin, or the registration region lies outside "
            + "the bureau's (agency.forbidden.region)")
    @APIResponse(responseCode = "409", description = "The credit code is already registered (agency.credit-code.taken), or a request "
            + "with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The registration region is not a valid province, city or county "
            + "(agency.region.invalid), or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<AgencyView> create(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgencyCreateRequest.class),
                    examples = @ExampleObject(name = "agency", summary = "A 4A social-service organisation of Haining", value = CREATE_EXAMPLE)))
            @NotNull @Valid AgencyCreateRequest request) {
        AgencyView view = service.create(request);
        return RestResponse.ResponseBuilder.<AgencyView>created(URI.create("/api/v1/agencies/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAgency", summary = "Read an agency (查看社工机构)",
            description = "The ETag is the version to send in If-Match. Readable by a platform-admin, by the agency's own "
                    + "admin, and by bureau users whose region covers its registration region or one of its stations; to "
                    + "anyone else the agency does not exist (404).")
    @APIResponse(responseCode = "200", description = "The agency; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class),
                    examples = @ExampleObject(name = "agency", summary = "A Haining agency", value = AGENCY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such agency in your scope")
    public RestResponse<AgencyView> get(@Parameter(description = "Agency id") @PathParam("id") UUID id) {
        AgencyView view = service.get(id);
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateAgency", summary = "Update an agency (修改社工机构信息)",
            description = "Replaces the changeable fields (credit code and registration region are fixed); needs If-Match. "
                    + "A platform-admin or a bureau-admin covering the registration region may change everything, including "
                    + "the status; an agency admin may change its own agency's contact only.")
    @APIResponse(responseCode = "200", description = "Updated; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a grade without its year (agency.grade-year.required)")
    @APIResponse(responseCode = "403", description = "The role may not edit agencies, the registration region lies outside the bureau's "
            + "(agency.forbidden.region), or an agency admin changed more than the contact (agency.forbidden.contact-only)")
    @APIResponse(responseCode = "404", description = "No such agency in your scope")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public RestResponse<AgencyView> update(@Parameter(description = "Agency id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version the change is based on", required = true, example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgencyUpdateRequest.class),
                    examples = @ExampleObject(name = "regraded", summary = "Graded 5A, new contact", value = UPDATE_EXAMPLE)))
            @NotNull @Valid AgencyUpdateRequest request) {
        AgencyView view = service.update(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @GET
    @Operation(operationId = "listAgencies", summary = "List agencies (社工机构名录)",
            description = "Keyset-paginated by (updatedAt, id): follow next (or send nextCursor as cursor) until it is absent; "
                    + "updatedSince makes it a change feed. A bureau user sees the agencies registered in its region or "
                    + "running a station there, an agency admin its own agency; field workers, evaluators and dashboards "
                    + "may not list agencies.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A filter is malformed (the problem names the parameter), limit is outside 1–"
            + PageRequest.MAX_LIMIT + " or the cursor is invalid")
    @APIResponse(responseCode = "403", description = "The role may not list agencies (field-worker, evaluator, dashboard)")
    public Page<AgencyView> list(
            @Parameter(description = "Only agencies registered in this division's subtree: a division code of 2 to 12 digits",
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN), example = "3304")
            @QueryParam("region") String region,
            @Parameter(description = "Only agencies in this status", schema = @Schema(implementation = AgencyStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only agencies of this assessment grade (等级评估), 1A to 5A", schema = @Schema(implementation = AgencyGrade.class))
            @QueryParam("grade") String grade,
            @Parameter(description = "Only agencies changed at or after this instant (ISO-8601 with offset): a change feed",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2026-06-01T00:00:00+08:00")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page; absent for the first page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        AgencyGrade parsedGrade;
        try {
            parsedGrade = grade == null || grade.isBlank() ? null : AgencyGrade.fromLabel(grade.strip());
        } catch (IllegalArgumentException e) {
            throw org.socialwork.platform.problem.Problems.invalidField("grade", "query.invalid", "grade", grade);
        }
        AgencyService.Filter filter = new AgencyService.Filter(QueryParams.regionPrefix(region, "region"),
                QueryParams.enumValue(AgencyStatus.class, status, "status"), parsedGrade,
                QueryParams.timestamp(updatedSince, "updatedSince"));
        return Page.of(service.list(filter, page), page.limit(), AgencyView::of, AgencyService::cursorOf, uriInfo);
    }
}
