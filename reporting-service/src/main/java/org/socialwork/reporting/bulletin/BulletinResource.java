package org.socialwork.reporting.bulletin;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.reporting.dashboard.DashboardResource;
import org.socialwork.reporting.dashboard.Period;
import org.socialwork.reporting.dashboard.PeriodType;

import io.quarkus.security.Authenticated;

@Path("/api/v1/bulletins")
@Tag(name = "Bulletins", description = "The monthly bulletin of a province or city bureau: its child regions ranked, "
        + "commented and summarised (月度通报)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BulletinResource {

    static final String ID = "Bulletin id";
    static final String IF_MATCH = "The ETag of the version the change is based on";

    static final String CREATE_EXAMPLE = """
            {"regionCode": "3304", "month": "2026-09",
             "measures": [{"measure": "VISIT", "normalise": "PER_STATION"}, {"measure": "TOWNSHIP_COVERAGE"}],
             "comments": {"330481": "海宁市走访频次保持全市前列，镇街社工站实现全覆盖。"},
             "summary": "9 月全市社工站运行平稳，重点对象走访达标率 92.5%。"}
            """;

    static final String UPDATE_EXAMPLE = """
            {"comments": {"330481": "海宁市走访频次全市第一，请继续保持。", "330482": "平湖市报表报送滞后，请及时整改。"},
             "summary": "9 月全市社工站运行平稳，重点对象走访达标率 92.5%。"}
            """;

    static final String RANKING = """
            {"region": {"code": "3304", "name": "嘉兴市", "level": "CITY"},
             "period": {"type": "MONTH", "start": "2026-09-01", "end": "2026-09-30"},
             "previousPeriod": {"type": "MONTH", "start": "2026-08-01", "end": "2026-08-31"},
             "subjects": "CHILD_REGIONS", "measure": "VISIT", "normalise": "PER_STATION", "asOf": "2026-10-05T01:00:00Z",
             "rows": [{"rank": 1, "previousRank": 2, "rankChange": 1, "id": "330481", "name": "海宁市", "raw": 236,
                       "stations": 12, "workers": 48, "value": 19.67}]}""";

    static final String BULLETIN_EXAMPLE = """
            {"id": "8c3d5e71-9a2b-4f60-b1c4-7e9f0a2d6b58", "regionCode": "3304", "month": "2026-09",
             "periodStart": "2026-09-01", "periodEnd": "2026-09-30", "status": "DRAFT",
             "rankings": [""" + RANKING + """
            ],
             "comments": {"330481": "海宁市走访频次保持全市前列，镇街社工站实现全覆盖。"},
             "summary": "9 月全市社工站运行平稳，重点对象走访达标率 92.5%。", "asOf": "2026-10-05T01:00:00Z",
             "createdBy": "bureau-admin-3304", "createdAt": "2026-10-05T01:00:00Z", "version": 0,
             "updatedAt": "2026-10-05T01:00:00Z"}
            """;

    static final String ISSUED_EXAMPLE = """
            {"id": "8c3d5e71-9a2b-4f60-b1c4-7e9f0a2d6b58", "regionCode": "3304", "month": "2026-09",
             "periodStart": "2026-09-01", "periodEnd": "2026-09-30", "status": "ISSUED",
             "rankings": [""" + RANKING + """
            ],
             "comments": {"330481": "海宁市走访频次保持全市前列，镇街社工站实现全覆盖。"},
             "summary": "9 月全市社工站运行平稳，重点对象走访达标率 92.5%。", "asOf": "2026-10-05T01:00:00Z",
             "createdBy": "bureau-admin-3304", "createdAt": "2026-10-05T01:00:00Z", "issuedAt": "2026-10-06T02:00:00Z",
             "issuedBy": "bureau-admin-3304", "version": 2, "updatedAt": "2026-10-06T02:00:00Z"}
            """;

    @Inject
    BulletinService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(operationId = "createBulletin", summary = "Compile a monthly bulletin (编制月度通报)",
            description = "bureau-admin of exactly that province or city (or platform-admin). measures default to VISIT per "
                    + "station and TOWNSHIP_COVERAGE; rankings are frozen now. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Compiled as a draft; Location names the bulletin, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulletinView.class),
                    examples = @ExampleObject(name = "draft", summary = "Jiaxing's September bulletin, compiled", value = BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not the bureau of that region")
    @APIResponse(responseCode = "409", description = "The region already has a bulletin for this month")
    @Idempotent
    public RestResponse<BulletinView> create(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BulletinRequests.Create.class),
                    examples = @ExampleObject(name = "jiaxing", summary = "Jiaxing's bulletin for September", value = CREATE_EXAMPLE)))
            @NotNull @Valid BulletinRequests.Create request) {
        BulletinView view = service.create(request);
        return RestResponse.ResponseBuilder.<BulletinView>created(URI.create("/api/v1/bulletins/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(operationId = "listBulletins", summary = "List the bulletins issued by a region (月度通报列表)",
            description = "Newest month first, keyset-paginated (limit ≤ 200, default 50; follow `next`); regions below see "
                    + "issued bulletins only.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Page<BulletinView> list(
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "3304")
            @QueryParam("region") String region,
            @Parameter(description = "Only the bulletin of this month (yyyy-MM)", schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$"), example = "2026-09")
            @QueryParam("month") String month,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page; absent for the first page") @QueryParam("cursor") String cursor) {
        if (month != null) {
            // A malformed month is named even when the region is missing or unknown too.
            checkMonth(month);
        }
        return service.page(region, month, PageRequest.of(limit, cursor, 2), uriInfo);
    }

    /** The month check of {@link BulletinService#page}: a yyyy-MM month, refused as reporting.bulletin.month. */
    private static void checkMonth(String month) {
        Period period;
        try {
            period = Period.parse(month, null, null);
        } catch (RuntimeException e) {
            throw Problems.invalidField("month", "reporting.bulletin.month", month);
        }
        if (period.type() != PeriodType.MONTH) {
            throw Problems.invalidField("month", "reporting.bulletin.month", month);
        }
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBulletin", summary = "Read a bulletin (查看月度通报)", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The bulletin; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulletinView.class),
                    examples = @ExampleObject(name = "issued", summary = "Jiaxing's issued September bulletin", value = ISSUED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such bulletin in your scope")
    public RestResponse<BulletinView> get(@Parameter(description = ID) @PathParam("id") UUID id) {
        BulletinView view = service.get(id);
        return RestResponse.ok(view);
    }

    @PATCH
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateBulletin", summary = "Change comments or summary (修改月度通报)",
            description = "Drafts only (409 once issued); the figures stay frozen. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The bulletin; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulletinView.class)))
    @APIResponse(responseCode = "404", description = "No such bulletin in your scope")
    @APIResponse(responseCode = "409", description = "The bulletin is already issued")
    public RestResponse<BulletinView> update(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BulletinRequests.Update.class),
                    examples = @ExampleObject(name = "comments", summary = "New comments and summary", value = UPDATE_EXAMPLE)))
            @NotNull @Valid BulletinRequests.Update request) {
        BulletinView view = service.update(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/issue")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "issueBulletin", summary = "Issue a bulletin (发布月度通报)",
            description = "Makes the bulletin immutable and readable by the regions below. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The bulletin, ISSUED; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulletinView.class)))
    @APIResponse(responseCode = "404", description = "No such bulletin in your scope")
    public RestResponse<BulletinView> issue(@Parameter(description = ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        BulletinView view = service.issue(id, ifMatch);
        return RestResponse.ok(view);
    }
}
