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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/regions")
@Tag(name = "Regions", description = "National administrative divisions (public reference data) and their validity over time")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegionResource {

    @Inject
    RegionService service;

    /** Lists without asOf show the divisions valid on the business day, whatever the server's zone. */
    @Inject
    BusinessClock clock;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/{code}")
    @Operation(summary = "Read a division",
            description = "Without asOf a retired division is returned too (with validTo and mergedInto); with asOf only if it exists that day.")
    @APIResponse(responseCode = "200", description = "The division; the ETag is its version")
    @APIResponse(responseCode = "404", description = "Unknown code, or not valid on asOf")
    public Response get(@PathParam("code") String code, @QueryParam("asOf") String asOf) {
        Region region = service.get(code, date(asOf, null));
        return Preconditions.ok(RegionView.of(region), region.version);
    }

    @GET
    @Path("/{code}/children")
    @Operation(summary = "List the direct children of a division", description = "Valid on asOf (default today, Asia/Shanghai), keyset-paginated by code.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "Unknown code, or not valid on asOf")
    public Page<RegionView> children(@PathParam("code") String code, @QueryParam("asOf") String asOf,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 1);
        List<Region> rows = service.children(code, date(asOf, clock.today()), after(page), page.fetchSize());
        return page(rows, page);
    }

    @GET
    @Path("/{code}/subtree")
    @Operation(summary = "List all descendants of a division", description = "Optionally of one level; valid on asOf; keyset-paginated by code.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "Unknown code, or not valid on asOf")
    public Page<RegionView> subtree(@PathParam("code") String code, @QueryParam("level") String level,
            @QueryParam("asOf") String asOf, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 1);
        List<Region> rows = service.subtree(code, level(level), date(asOf, clock.today()), after(page),
                page.fetchSize());
        return page(rows, page);
    }

    @GET
    @Path("/{code}/ancestors")
    @Operation(summary = "List the ancestors of a division", description = "Province first, whatever their validity.")
    @APIResponse(responseCode = "200", description = "The ancestors, empty for a province")
    @APIResponse(responseCode = "404", description = "Unknown code")
    public List<RegionView> ancestors(@PathParam("code") String code) {
        return service.ancestors(code).stream().map(RegionView::of).toList();
    }

    @GET
    @Operation(summary = "Search divisions by name", description = "q is a part of the name; within limits the search to a subtree. Keyset-paginated by code.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "q missing or a parameter malformed")
    public Page<RegionView> search(@QueryParam("q") String q, @QueryParam("level") String level,
            @QueryParam("within") String within, @QueryParam("asOf") String asOf,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
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
    @Operation(summary = "Count townships (by kind) and villages below a division", description = "Only divisions valid on asOf (default today) count.")
    @APIResponse(responseCode = "200", description = "The counts")
    @APIResponse(responseCode = "404", description = "Unknown code, or not valid on asOf")
    public RegionCounts counts(@PathParam("code") String code, @QueryParam("asOf") String asOf) {
        return service.counts(code, date(asOf, clock.today()));
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{code}/retirement")
    @Operation(summary = "Retire a division",
            description = "Sets validTo = effectiveDate and optionally mergedInto (a valid division of the same level). "
                    + "Children of the retired division are NOT moved automatically: township consolidations arrive "
                    + "with the next import of the national list. Needs platform-admin, or bureau-admin whose region covers the code.")
    @APIResponse(responseCode = "200", description = "Retired; the new ETag is returned")
    @APIResponse(responseCode = "403", description = "Role or region scope insufficient")
    @APIResponse(responseCode = "409", description = "Already retired")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "Merge target invalid, or effectiveDate not after validFrom")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response retire(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RetirementRequest request) {
        Region region = service.retire(code, ifMatch, request);
        return Preconditions.ok(RegionView.of(region), region.version);
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
