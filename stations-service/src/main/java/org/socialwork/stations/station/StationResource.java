package org.socialwork.stations.station;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.csv.CsvWriter.NegativeNumbers;
import org.socialwork.platform.csv.CsvWriter;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/stations")
@Tag(name = "Stations", description = "The station network: levels, hierarchy, lifecycle, building standard, position")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StationResource {

    private static final int EXPORT_CHUNK = 500;

    @Inject
    StationService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @Context
    UriInfo uriInfo;

    /** The items of the nearby query. */
    public record NearbyList(List<NearbyStation> items) {
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "Create a station", description = "Starts PLANNED. Needs platform-admin or a bureau-admin covering the region.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The township or county already has an open station of this level")
    @APIResponse(responseCode = "422", description = "Region, parent or operation rule violated")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid StationCreateRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/stations", request, () -> {
            StationView view = service.create(request);
            return Preconditions.created(URI.create("/api/v1/stations/" + view.id()), view, view.version());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a station", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The station")
    @APIResponse(responseCode = "404", description = "No such station in your scope")
    public Response get(@PathParam("id") UUID id) {
        return withEtag(service.get(id));
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}")
    @Operation(summary = "Update a station's profile", description = "Name, parent, address, facilities, designations, operation, position.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid StationUpdateRequest request) {
        return withEtag(service.update(id, ifMatch, request));
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/standard")
    @Operation(summary = "Record the building-standard assessment", description = "Sets all six criteria; meetsStandard follows.")
    @APIResponse(responseCode = "200", description = "Updated")
    public Response standard(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Standard request) {
        return withEtag(service.setStandard(id, ifMatch, request));
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/transitions")
    @Operation(summary = "Change a station's status", description = "PLANNED → ESTABLISHED → OPERATING ⇄ SUSPENDED → CLOSED.")
    @APIResponse(responseCode = "200", description = "The station in its new status")
    @APIResponse(responseCode = "422", description = "Transition not allowed from the current status")
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid TransitionRequest request) {
        return withEtag(service.transition(id, ifMatch, request));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Status history of a station", description = "Every transition, oldest first.")
    @APIResponse(responseCode = "200", description = "The transitions")
    public List<TransitionView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @GET
    @Operation(summary = "List stations", description = "Keyset-paginated by (updatedAt, id); region matches the whole subtree.")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<StationView> list(@QueryParam("region") String region, @QueryParam("level") String level,
            @QueryParam("status") String status, @QueryParam("designation") String designation,
            @QueryParam("agency") String agency, @QueryParam("meetsStandard") String meetsStandard,
            @QueryParam("updatedSince") String updatedSince, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        NativeSql where = service.where(filter(region, level, status, designation, agency, meetsStandard, updatedSince));
        List<StationView> rows = service.page(where, page.cursor(), page.fetchSize());
        return Page.of(rows, page.limit(), v -> v, StationService::cursorOf, uriInfo);
    }

    @GET
    @Path("/export.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @Operation(summary = "Export stations as CSV", description = "Same filters as the list; UTF-8 with BOM for spreadsheets.")
    @APIResponse(responseCode = "200", description = "The CSV file")
    public Response export(@QueryParam("region") String region, @QueryParam("level") String level,
            @QueryParam("status") String status, @QueryParam("designation") String designation,
            @QueryParam("agency") String agency, @QueryParam("meetsStandard") String meetsStandard,
            @QueryParam("updatedSince") String updatedSince) {
        // Resolved now, while the caller's request scope is certainly active.
        NativeSql where = service.where(filter(region, level, status, designation, agency, meetsStandard, updatedSince));
        StreamingOutput body = output -> {
            // No station column holds a negative number, so a leading '-' is always user text to defuse.
            CsvWriter csv = CsvWriter.start(output, NegativeNumbers.AS_TEXT);
            csv.row(StationCsv.HEADER);
            Cursor cursor = null;
            while (true) {
                List<StationView> rows = service.page(where, cursor, EXPORT_CHUNK);
                for (StationView row : rows) {
                    csv.row(StationCsv.cells(row));
                }
                csv.flush();
                if (rows.size() < EXPORT_CHUNK) {
                    break;
                }
                cursor = StationService.cursorOf(rows.get(rows.size() - 1));
            }
        };
        return Response.ok(body, CsvWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"stations.csv\"")
                .build();
    }

    @GET
    @Path("/near")
    @Operation(summary = "Open stations near a point", description = "Nearest first, with the distance in metres; scoped like the list.")
    @APIResponse(responseCode = "200", description = "The stations within the radius")
    public NearbyList near(@QueryParam("lat") Double lat, @QueryParam("lon") Double lon,
            @QueryParam("crs") @DefaultValue("WGS84") String crs, @QueryParam("radiusKm") @DefaultValue("5") double radiusKm,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        if (lat == null || lat < 3 || lat > 54) {
            throw Problems.invalidField("lat", "station.query.coordinate", "lat", 3, 54);
        }
        if (lon == null || lon < 73 || lon > 136) {
            throw Problems.invalidField("lon", "station.query.coordinate", "lon", 73, 136);
        }
        if (!(radiusKm > 0 && radiusKm <= 100)) {
            throw Problems.invalidField("radiusKm", "station.query.radius", 100);
        }
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw Problems.invalidField("limit", "problem.validation.limit", PageRequest.MAX_LIMIT);
        }
        Crs system = QueryParams.enumValue(Crs.class, crs, "crs");
        double[] wgs = system == Crs.GCJ02 ? Gcj02.toWgs84(lat, lon) : new double[] {lat, lon};
        return new NearbyList(service.near(wgs[0], wgs[1], radiusKm * 1000, limit));
    }

    private static Response withEtag(StationView view) {
        return Preconditions.ok(view, view.version());
    }

    private static StationService.Filter filter(String region, String level, String status, String designation,
            String agency, String meetsStandard, String updatedSince) {
        return new StationService.Filter(QueryParams.regionPrefix(region, "region"),
                QueryParams.enumValue(StationLevel.class, level, "level"),
                QueryParams.enumValue(StationStatus.class, status, "status"),
                QueryParams.enumValue(Designation.Kind.class, designation, "designation"),
                QueryParams.uuid(agency, "agency"), QueryParams.bool(meetsStandard, "meetsStandard"),
                QueryParams.timestamp(updatedSince, "updatedSince"));
    }
}
