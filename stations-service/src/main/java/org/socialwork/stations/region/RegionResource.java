package org.socialwork.stations.region;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;

import io.quarkus.security.Authenticated;

@Path("/api/v1/regions")
@Tag(name = "Regions", description = "National administrative divisions (public reference data) and their validity over time (行政区划)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegionResource {

    static final String CODE = "Division code: 2 (province), 4 (city), 6 (county), 9 (township) or 12 (village) digits";
    static final String CODE_PATTERN = "^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$";
    static final String AS_OF = "The day the divisions must be valid on (ISO date)";
    static final String AS_OF_DEFAULT = "The day the divisions must be valid on (ISO date); default today in Asia/Shanghai";
    static final String CURSOR = "The nextCursor of the previous page; absent for the first page";

    static final String REGION_EXAMPLE = """
            {"code": "330481001", "name": "硖石街道", "level": "TOWNSHIP", "parentCode": "330481",
             "townshipKind": "STREET", "version": 0}
            """;

    static final String RETIRED_EXAMPLE = """
            {"code": "330481001", "name": "硖石街道", "level": "TOWNSHIP", "parentCode": "330481",
             "townshipKind": "STREET", "validTo": "2026-07-01", "mergedInto": "330481002",
             "version": 1}
            """;

    static final String COUNTS_EXAMPLE = """
            {"code": "330481", "townships": 12, "villages": 236,
             "townshipsByKind": {"STREET": 4, "TOWN": 8, "TOWNSHIP": 0, "OTHER": 0}}
            """;

    static final String RETIREMENT_EXAMPLE = """
            {"effectiveDate": "2026-07-01", "mergedInto": "330481002", "reason": "乡镇（街道）区划调整，并入海洲街道"}
            """;

    @Inject
    RegionService service;

    /** Lists without asOf show the divisions valid on the business day, whatever the server's zone. */
    @Inject
    BusinessClock clock;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/{code}")
    @Operation(operationId = "getRegion", summary = "Read a division (查看行政区划)",
            description = "Without asOf a retired division is returned too (with validTo and mergedInto); with asOf only if it "
                    + "exists that day. Divisions are national reference data: every authenticated caller reads all of them.")
    @APIResponse(responseCode = "200", description = "The division; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionView.class),
                    examples = @ExampleObject(name = "township", summary = "A street (街道) of Haining", value = REGION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "asOf is not a date (region.query.invalid)")
    @APIResponse(responseCode = "404", description = "Unknown code, or not valid on asOf")
    public RestResponse<RegionView> get(@Parameter(description = CODE, schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN), example = "330481")
            @PathParam("code") String code,
            @Parameter(description = AS_OF, schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-06-15")
            @QueryParam("asOf") String asOf) {
        Region region = service.get(code, date(asOf, null));
        return RestResponse.ok(RegionView.of(region));
    }

    @GET
    @Path("/{code}/children")
    @Operation(operationId = "listRegionChildren", summary = "List the direct children of a division (下级行政区划)",
            description = "Valid on asOf (default today, Asia/Shanghai), keyset-paginated by code: follow next (or send "
                    + "nextCursor as cursor) until it is absent.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "asOf is not a date, limit is outside 1–" + PageRequest.MAX_LIMIT
            + " or the cursor is invalid")
    @APIResponse(responseCode = "404", description = "Unknown code, or not valid on asOf")
    public Page<RegionView> children(
            @Parameter(description = CODE, schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN), example = "330481")
            @PathParam("code") String code,
            @Parameter(description = AS_OF_DEFAULT, schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-06-15")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 1);
        List<Region> rows = service.children(code, date(asOf, clock.today()), after(page), page.fetchSize());
        return page(rows, page);
    }

    @GET
    @Path("/{code}/subtree")
    @Operation(operationId = "listRegionSubtree", summary = "List all descendants of a division (下辖全部行政区划)",
            description = "Optionally of one level (e.g. every township (乡镇（街道）) of a city); valid on asOf (default today, "
                    + "Asia/Shanghai); keyset-paginated by code.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "level or asOf malformed (region.query.invalid), limit is outside 1–"
            + PageRequest.MAX_LIMIT + " or the cursor is invalid")
    @APIResponse(responseCode = "404", description = "Unknown code, or not valid on asOf")
    public Page<RegionView> subtree(
            @Parameter(description = CODE, schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN), example = "3304")
            @PathParam("code") String code,
            @Parameter(description = "Only descendants of this level", schema = @Schema(implementation = RegionLevel.class))
            @QueryParam("level") String level,
            @Parameter(description = AS_OF_DEFAULT, schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-06-15")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 1);
        List<Region> rows = service.subtree(code, level(level), date(asOf, clock.today()), after(page),
                page.fetchSize());
        return page(rows, page);
    }

    @GET
    @Path("/{code}/ancestors")
    @Operation(operationId = "listRegionAncestors", summary = "List the ancestors of a division (上级行政区划)",
            description = "Province first, whatever their validity; the division itself is not included.")
    @APIResponse(responseCode = "200", description = "The ancestors, empty for a province",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RegionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown code")
    public List<RegionView> ancestors(
            @Parameter(description = CODE, schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN), example = "330481001")
            @PathParam("code") String code) {
        return service.ancestors(code).stream().map(RegionView::of).toList();
    }

    @GET
    @Operation(operationId = "searchRegions", summary = "Search divisions by name (按名称查询行政区划)",
            description = "q is a part of the name (1 to 100 characters); within limits the search to a subtree, level to one "
                    + "level. Only divisions valid on asOf (default today, Asia/Shanghai). Keyset-paginated by code.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "q missing or too long (region.query.q), within, level or asOf malformed "
            + "(region.query.invalid), limit is outside 1–" + PageRequest.MAX_LIMIT + " or the cursor is invalid")
    public Page<RegionView> search(
            @Parameter(description = "A part of the division's name", required = true,
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 100), example = "海宁")
            @QueryParam("q") String q,
            @Parameter(description = "Only divisions of this level", schema = @Schema(implementation = RegionLevel.class))
            @QueryParam("level") String level,
            @Parameter(description = "Only divisions below this one (a division code)",
                    schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN), example = "33")
            @QueryParam("within") String within,
            @Parameter(description = AS_OF_DEFAULT, schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-06-15")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        if (q == null || q.isBlank() || q.length() > 100) {
            throw Problems.invalidField("q", "region.query.q");
        }
        String withinCode = within == null || within.isBlank() ? null : within.strip();
        if (withinCode != null
                && (RegionLevel.ofCode(withinCode) == null || !withinCode.chars().allMatch(Character::isDigit))) {
            throw Problems.invalidField("within", "region.query.invalid", "within", within);
        }
        PageRequest page = PageRequest.of(limit, cursor, 1);
        List<Region> rows = service.search(q.strip(), level(level), withinCode, date(asOf, clock.today()),
                after(page), page.fetchSize());
        return page(rows, page);
    }

    @GET
    @Path("/{code}/counts")
    @Operation(operationId = "getRegionCounts", summary = "Count the townships and villages below a division (乡镇（街道）与村（社区）数)",
            description = "Townships (by kind: street 街道, town 镇, township 乡, other) and villages or communities below the "
                    + "division: the denominators of station coverage (覆盖率). Only divisions valid on asOf (default today) count.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionCounts.class),
                    examples = @ExampleObject(name = "haining", summary = "Haining: 4 streets, 8 towns, 236 villages and communities", value = COUNTS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "asOf is not a date (region.query.invalid)")
    @APIResponse(responseCode = "404", description = "Unknown code, or not valid on asOf")
    public RegionCounts counts(
            @Parameter(description = CODE, schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN), example = "330481")
            @PathParam("code") String code,
            @Parameter(description = AS_OF_DEFAULT, schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-06-15")
            @QueryParam("asOf") String asOf) {
        return service.counts(code, date(asOf, clock.today()));
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{code}/retirement")
    @Operation(operationId = "retireRegion", summary = "Retire a division (撤销行政区划)",
            description = "Sets validTo = effectiveDate and optionally mergedInto (a valid division of the same level). "
                    + "Children of the retired division are NOT moved automatically: township consolidations arrive "
                    + "with the next import of the national list. Needs If-Match, and platform-admin, or bureau-admin whose "
                    + "region covers the code.")
    @APIResponse(responseCode = "200", description = "Retired; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionView.class),
                    examples = @ExampleObject(name = "retired", summary = "A street merged into its neighbour", value = RETIRED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid body, e.g. a mergedInto that is not a division code or a blank reason")
    @APIResponse(responseCode = "403", description = "Role or region scope insufficient (region.retire.forbidden)")
    @APIResponse(responseCode = "404", description = "Unknown code")
    @APIResponse(responseCode = "409", description = "Already retired (region.retire.already-retired)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "Merge target is the division itself, unknown, retired or of another level "
            + "(region.retire.merge-*), or effectiveDate not after validFrom (region.retire.before-valid-from)")
    public RestResponse<RegionView> retire(
            @Parameter(description = CODE, schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN), example = "330481001")
            @PathParam("code") String code,
            @Parameter(description = "The ETag of the version the change is based on", required = true, example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RetirementRequest.class),
                    examples = @ExampleObject(name = "merged", summary = "A street merged into its neighbour", value = RETIREMENT_EXAMPLE)))
            @NotNull @Valid RetirementRequest request) {
        Region region = service.retire(code, ifMatch, request);
        return RestResponse.ok(RegionView.of(region));
    }

    private Page<RegionView> page(List<Region> rows, PageRequest page) {
        return Page.of(rows, page.limit(), RegionView::of, r -> Cursor.of(r.code), uriInfo);
    }

    private static String after(PageRequest page) {
        return page.cursor() == null ? null : page.cursor().key(0);
    }

    private static LocalDate date(String raw, LocalDate fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("asOf", "region.query.invalid", "asOf", raw);
        }
    }

    private static RegionLevel level(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return RegionLevel.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("level", "region.query.invalid", "level", raw);
        }
    }
}
