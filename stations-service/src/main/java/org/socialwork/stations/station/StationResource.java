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
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.socialwork.platform.csv.CsvWriter.NegativeNumbers;
import org.socialwork.platform.csv.CsvWriter;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/stations")
@Tag(name = "Stations", description = "The station network: levels, hierarchy, lifecycle, building standard, position (社工站)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StationResource {

    private static final int EXPORT_CHUNK = 500;

    static final String CURSOR = "The nextCursor of the previous page; absent for the first page";

    /** A township station run by an agency under a purchased-service project, as the demo data has it. */
    static final String CREATE_TOWNSHIP_EXAMPLE = """
            {"name": "硖石街道社会工作站", "level": "TOWNSHIP_STATION", "regionCode": "330481001",
             "parentId": "9a1e7c40-2d5b-4f83-b6c1-0e7d3a5f9b12", "address": "浙江省嘉兴市海宁市硖石街道",
             "contactNote": "工作日 8:30–17:00 到站咨询，或通过街道便民服务中心预约",
             "facilities": {"floorAreaM2": 60, "rooms": ["RECEPTION", "CASE_ROOM", "ACTIVITY_ROOM"],
                            "coLocations": ["PARTY_MASS_SERVICE_CENTER"]},
             "designations": [{"kind": "PILOT", "level": "MUNICIPAL", "year": 2022}],
             "operationMode": "PURCHASED_SERVICE", "agencyId": "6d2b9f18-7c3e-4a51-8f0d-4e6a2c9b1d73",
             "position": {"latitude": 30.43, "longitude": 120.45, "crs": "WGS84"}}
            """;

    /** A county hub run by the government itself: no agency. */
    static final String CREATE_HUB_EXAMPLE = """
            {"name": "海宁市社会工作指导中心", "level": "COUNTY_HUB", "regionCode": "330481",
             "address": "浙江省嘉兴市海宁市海州街道", "operationMode": "GOVERNMENT_RUN",
             "facilities": {"floorAreaM2": 420,
                            "rooms": ["RECEPTION", "CASE_ROOM", "GROUP_ROOM", "MULTI_FUNCTION_ROOM", "OFFICE"],
                            "coLocations": ["PARTY_MASS_SERVICE_CENTER"]},
             "designations": [{"kind": "DEMONSTRATION", "level": "PROVINCIAL", "year": 2024}],
             "position": {"latitude": 30.5097, "longitude": 120.6808, "crs": "WGS84"}}
            """;

    static final String CREATED_EXAMPLE = """
            {"id": "3f6c2a8e-5b1d-4c7a-9e20-8d4b1f6a7c35", "name": "硖石街道社会工作站", "level": "TOWNSHIP_STATION",
             "regionCode": "330481001", "regionName": "硖石街道", "parentId": "9a1e7c40-2d5b-4f83-b6c1-0e7d3a5f9b12",
             "status": "PLANNED", "address": "浙江省嘉兴市海宁市硖石街道",
             "contactNote": "工作日 8:30–17:00 到站咨询，或通过街道便民服务中心预约",
             "facilities": {"floorAreaM2": 60, "rooms": ["RECEPTION", "CASE_ROOM", "ACTIVITY_ROOM"],
                            "coLocations": ["PARTY_MASS_SERVICE_CENTER"]},
             "designations": [{"kind": "PILOT", "level": "MUNICIPAL", "year": 2022}],
             "operationMode": "PURCHASED_SERVICE", "agencyId": "6d2b9f18-7c3e-4a51-8f0d-4e6a2c9b1d73",
             "agencyName": "海宁市益民社会工作服务中心",
             "position": {"latitude": 30.43, "longitude": 120.45, "crs": "WGS84",
                          "wgs84Latitude": 30.43, "wgs84Longitude": 120.45},
             "meetsStandard": false, "builtAndOperating": false, "version": 0,
             "createdAt": "2026-03-02T01:15:00Z", "updatedAt": "2026-03-02T01:15:00Z"}
            """;

    static final String STATION_EXAMPLE = """
            {"id": "3f6c2a8e-5b1d-4c7a-9e20-8d4b1f6a7c35", "name": "硖石街道社会工作站", "level": "TOWNSHIP_STATION",
             "regionCode": "330481001", "regionName": "硖石街道", "parentId": "9a1e7c40-2d5b-4f83-b6c1-0e7d3a5f9b12",
             "status": "OPERATING", "address": "浙江省嘉兴市海宁市硖石街道",
             "contactNote": "工作日 8:30–17:00 到站咨询，或通过街道便民服务中心预约", "establishedOn": "2026-03-15",
             "facilities": {"floorAreaM2": 60, "rooms": ["RECEPTION", "CASE_ROOM", "ACTIVITY_ROOM"],
                            "coLocations": ["PARTY_MASS_SERVICE_CENTER"]},
             "designations": [{"kind": "PILOT", "level": "MUNICIPAL", "year": 2022}],
             "operationMode": "PURCHASED_SERVICE", "agencyId": "6d2b9f18-7c3e-4a51-8f0d-4e6a2c9b1d73",
             "agencyName": "海宁市益民社会工作服务中心",
             "position": {"latitude": 30.43, "longitude": 120.45, "crs": "WGS84",
                          "wgs84Latitude": 30.43, "wgs84Longitude": 120.45},
             "standard": {
               "site": {"met": true, "evidence": "现场核查", "assessedOn": "2026-10-20"},
               "equipment": {"met": true, "evidence": "现场核查", "assessedOn": "2026-10-20"},
               "staff": {"met": true, "evidence": "现场核查", "assessedOn": "2026-10-20"},
               "serviceFunctions": {"met": true, "evidence": "现场核查", "assessedOn": "2026-10-20"},
               "workflow": {"met": true, "evidence": "现场核查", "assessedOn": "2026-10-20"},
               "writtenRules": {"met": true, "evidence": "制度上墙情况", "assessedOn": "2026-10-20"}},
             "meetsStandard": true, "builtAndOperating": true, "version": 3,
             "createdAt": "2026-03-02T01:15:00Z", "updatedAt": "2026-10-20T07:30:00Z"}
            """;

    static final String UPDATE_EXAMPLE = """
            {"name": "硖石街道社会工作站", "parentId": "9a1e7c40-2d5b-4f83-b6c1-0e7d3a5f9b12",
             "address": "浙江省嘉兴市海宁市硖石街道", "contactNote": "工作日 8:30–17:00 到站咨询",
             "establishedOn": "2026-03-15",
             "facilities": {"floorAreaM2": 80.5, "rooms": ["RECEPTION", "CASE_ROOM", "GROUP_ROOM", "ACTIVITY_ROOM"],
                            "coLocations": ["PARTY_MASS_SERVICE_CENTER", "ELDERLY_CARE_FACILITY"]},
             "designations": [{"kind": "PILOT", "level": "MUNICIPAL", "year": 2022}],
             "operationMode": "PURCHASED_SERVICE", "agencyId": "6d2b9f18-7c3e-4a51-8f0d-4e6a2c9b1d73",
             "position": {"latitude": 30.43, "longitude": 120.45, "crs": "WGS84"}}
            """;

    static final String STANDARD_EXAMPLE = """
            {"site": {"met": true, "evidence": "现场核查：独立场地 60 平方米", "assessedOn": "2026-10-20"},
             "equipment": {"met": true, "evidence": "现场核查", "assessedOn": "2026-10-20"},
             "staff": {"met": true, "evidence": "驻站社工 2 名，其中持证 1 名", "assessedOn": "2026-10-20"},
             "serviceFunctions": {"met": true, "evidence": "现场核查", "assessedOn": "2026-10-20"},
             "workflow": {"met": true, "evidence": "现场核查", "assessedOn": "2026-10-20"},
             "writtenRules": {"met": false, "evidence": "制度尚未上墙", "assessedOn": "2026-10-20"}}
            """;

    static final String TRANSITION_EXAMPLE = """
            {"to": "OPERATING", "effectiveDate": "2026-05-15", "reason": "场地、设备、人员到位，正式运营"}
            """;

    static final String BATCH_EXAMPLE = """
            {"items": [
              {"externalId": "HN-0001", "name": "海宁市社会工作指导中心", "level": "COUNTY_HUB", "regionCode": "330481",
               "address": "浙江省嘉兴市海宁市海州街道", "operationMode": "GOVERNMENT_RUN",
               "position": {"latitude": 30.5097, "longitude": 120.6808, "crs": "WGS84"},
               "status": {"to": "OPERATING", "effectiveDate": "2023-06-01", "reason": "系统迁移"}},
              {"externalId": "HN-0101", "name": "硖石街道社会工作站", "level": "TOWNSHIP_STATION", "regionCode": "330481001",
               "parentExternalId": "HN-0001", "address": "浙江省嘉兴市海宁市硖石街道", "establishedOn": "2023-09-01",
               "facilities": {"floorAreaM2": 60, "rooms": ["RECEPTION", "CASE_ROOM", "ACTIVITY_ROOM"],
                              "coLocations": ["PARTY_MASS_SERVICE_CENTER"]},
               "operationMode": "PURCHASED_SERVICE", "agencyId": "6d2b9f18-7c3e-4a51-8f0d-4e6a2c9b1d73",
               "position": {"latitude": 30.43, "longitude": 120.45, "crs": "WGS84"},
               "standard": {
                 "site": {"met": true, "evidence": "现场核查", "assessedOn": "2024-03-20"},
                 "equipment": {"met": true, "evidence": "现场核查", "assessedOn": "2024-03-20"},
                 "staff": {"met": true, "evidence": "驻站社工 2 名", "assessedOn": "2024-03-20"},
                 "serviceFunctions": {"met": true, "evidence": "现场核查", "assessedOn": "2024-03-20"},
                 "workflow": {"met": true, "evidence": "现场核查", "assessedOn": "2024-03-20"},
                 "writtenRules": {"met": true, "evidence": "制度上墙", "assessedOn": "2024-03-20"}},
               "status": {"to": "OPERATING", "effectiveDate": "2024-01-02", "reason": "系统迁移"}}]}
            """;

    static final String BATCH_RESULT_EXAMPLE = """
            {"created": 1, "updated": 0, "unchanged": 1, "refused": 1, "items": [
              {"index": 0, "externalId": "HN-0001", "status": "UNCHANGED",
               "stationId": "9a1e7c40-2d5b-4f83-b6c1-0e7d3a5f9b12", "version": 2},
              {"index": 1, "externalId": "HN-0101", "status": "CREATED",
               "stationId": "3f6c2a8e-5b1d-4c7a-9e20-8d4b1f6a7c35", "version": 3},
              {"index": 2, "externalId": "HN-0102", "status": "REFUSED",
               "problem": {"type": "urn:socialwork:problem:conflict", "title": "与现有数据冲突", "status": 409,
                           "detail": "330481002 已有未撤销的 TOWNSHIP_STATION。",
                           "instance": "/api/v1/stations/batch#items/2", "code": "station.region.occupied"}}]}
            """;

    @Inject
    StationService service;

    @Inject
    StationBatchService batch;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    /** The items of the nearby query. */
    @Schema(description = "Open stations near a point, nearest first")
    public record NearbyList(List<NearbyStation> items) {
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(operationId = "createStation", summary = "Create a station (新建社工站)",
            description = "Starts PLANNED. Needs platform-admin or a bureau-admin covering the region. The level fixes the "
                    + "division level of regionCode (CITY_CENTER: city, COUNTY_HUB: county, TOWNSHIP_STATION: township, "
                    + "VILLAGE_ROOM: village); a township or county has at most one open station of its level. "
                    + "A PURCHASED_SERVICE station names an ACTIVE operating agency, a GOVERNMENT_RUN one none. "
                    + "Send an Idempotency-Key to retry safely: a retry with the same key and body replays the first answer.")
    @APIResponse(responseCode = "201", description = "Created; Location names the station, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StationView.class),
                    examples = @ExampleObject(name = "created", summary = "A new township station in Haining", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a contact note holding a phone number (station.contact-note.phone)")
    @APIResponse(responseCode = "403", description = "Not a platform-admin or bureau-admin, or the region lies outside the bureau's (station.forbidden.region)")
    @APIResponse(responseCode = "409", description = "The township or county already has an open station of this level (station.region.occupied), "
            + "or a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Region unknown or retired (station.region.unknown) or of another level (station.region.level), "
            + "parent (station.parent.*) or operation (station.operation.*) rule violated, or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<StationView> create(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StationCreateRequest.class),
                    examples = {@ExampleObject(name = "townshipStation", summary = "A township station run by an agency", value = CREATE_TOWNSHIP_EXAMPLE),
                            @ExampleObject(name = "countyHub", summary = "A government-run county hub", value = CREATE_HUB_EXAMPLE)}))
            @NotNull @Valid StationCreateRequest request) {
        StationView view = service.create(request);
        return RestResponse.ResponseBuilder.<StationView>created(URI.create("/api/v1/stations/" + view.id())).entity(view).build();
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/batch")
    @Operation(operationId = "upsertStationBatch", summary = "Create or update up to 1,000 stations (批量同步社工站)",
            description = "For a bureau migrating its network from another system. Each item is keyed by the caller's "
                    + "externalId (unique within the caller's scope: a bureau's region, or the platform) and carries the "
                    + "fields of a creation, the building-standard assessment and the status to reach. Each goes through "
                    + "the rules of the single operations, in the order sent: a new station is created PLANNED, its "
                    + "standard recorded, then every transition on the way to its status (an item asking for OPERATING "
                    + "passes ESTABLISHED), each with its event and version, as if sent one by one. One answer per item: "
                    + "CREATED, UPDATED, UNCHANGED (already as sent: nothing written or published), or REFUSED with the "
                    + "problem the single operation would have answered (same type and code). A malformed item, a repeated "
                    + "externalId or a broken rule refuses that item only. Level and region are fixed once a station "
                    + "exists. Resending the same batch changes and publishes nothing. Send an Idempotency-Key to replay "
                    + "the first answer instead.")
    @APIResponse(responseCode = "200", description = "One result per item, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StationBatchResult.class),
                    examples = @ExampleObject(name = "migration", summary = "A hub already migrated, a new township "
                            + "station, one refused", value = BATCH_RESULT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is not JSON, or items is missing, empty or not an array, or "
            + "a malformed Idempotency-Key")
    @APIResponse(responseCode = "403", description = "Not a platform-admin or bureau-admin")
    @APIResponse(responseCode = "409", description = "A single creation took a township or county of the batch at the same "
            + "moment (station.batch.raced; nothing written, resend), or a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "413", description = "More than 1,000 items (station.batch.too-large), or a body above the "
            + "JSON limit")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<StationBatchResult> upsertBatch(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StationBatchRequest.class),
                    examples = @ExampleObject(name = "migration", summary = "A county hub and a township station under it, "
                            + "operating and meeting the standard", value = BATCH_EXAMPLE)))
            @NotNull @Valid StationBatchRequest request) {
        return RestResponse.ok(batch.run(request.items(), Messages.choose(headers.getAcceptableLanguages()),
                uriInfo.getPath()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getStation", summary = "Read a station (查看社工站)",
            description = "The ETag is the version to send in If-Match. Readable by a platform-admin, by bureau users, field "
                    + "workers and evaluators whose region covers the station, and by the admin of the operating agency; "
                    + "to anyone else the station does not exist (404).")
    @APIResponse(responseCode = "200", description = "The station; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StationView.class),
                    examples = @ExampleObject(name = "operating", summary = "An operating township station that meets the standard", value = STATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such station in your scope")
    public RestResponse<StationView> get(@Parameter(description = "Station id") @PathParam("id") UUID id) {
        return RestResponse.ok(service.get(id));
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateStation", summary = "Update a station's profile (修改社工站信息)",
            description = "Name, parent, address, facilities, designations, operation, position: a full replacement (level "
                    + "and region are fixed; status and standard have their own operations). Needs If-Match. A bureau-admin "
                    + "changes the stations of its region; an agency admin those its agency runs, but not their operation "
                    + "mode or operating agency. A CLOSED station can no longer be changed.")
    @APIResponse(responseCode = "200", description = "Updated; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a contact note holding a phone number (station.contact-note.phone)")
    @APIResponse(responseCode = "403", description = "The role may not edit stations, the station lies outside the bureau's region "
            + "(station.forbidden.region), or an agency admin changed the operation mode or agency (station.forbidden.operation)")
    @APIResponse(responseCode = "404", description = "No such station in your scope")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "The station is closed (station.closed), or a parent (station.parent.*) "
            + "or operation (station.operation.*) rule is violated")
    public RestResponse<StationView> update(@Parameter(description = "Station id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version the change is based on", required = true, example = "\"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StationUpdateRequest.class),
                    examples = @ExampleObject(name = "profile", summary = "More rooms and a co-located elderly-care facility", value = UPDATE_EXAMPLE)))
            @NotNull @Valid StationUpdateRequest request) {
        return RestResponse.ok(service.update(id, ifMatch, request));
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/standard")
    @Operation(operationId = "recordStationStandard", summary = "Record the building-standard assessment (登记社工站建设标准评估)",
            description = "Sets all six criteria of the building standard (有场地、有设备、有人员、有服务功能、有工作流程、有规章制度); "
                    + "meetsStandard is true when all six are met, and builtAndOperating when the station also operates. "
                    + "Needs If-Match, and platform-admin or a bureau-admin whose region covers the station.")
    @APIResponse(responseCode = "200", description = "Updated; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, e.g. a criterion without met or assessedOn")
    @APIResponse(responseCode = "403", description = "Not a platform-admin or bureau-admin, or the station lies outside the bureau's region (station.forbidden.region)")
    @APIResponse(responseCode = "404", description = "No such station in your scope")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "The station is closed (station.closed)")
    public RestResponse<StationView> standard(@Parameter(description = "Station id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version the change is based on", required = true, example = "\"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Standard.class),
                    examples = @ExampleObject(name = "assessment", summary = "Five criteria met, written rules not yet", value = STANDARD_EXAMPLE)))
            @NotNull @Valid Standard request) {
        return RestResponse.ok(service.setStandard(id, ifMatch, request));
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/transitions")
    @Operation(operationId = "transitionStation", summary = "Change a station's status (变更社工站状态)",
            description = "PLANNED → ESTABLISHED → OPERATING ⇄ SUSPENDED, and any status → CLOSED; nothing leaves CLOSED. "
                    + "effectiveDate is when it happened: not later than today (Asia/Shanghai) and not before the previous "
                    + "transition; a station with open child stations cannot close. Needs If-Match, and platform-admin or a "
                    + "bureau-admin whose region covers the station.")
    @APIResponse(responseCode = "200", description = "The station in its new status; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or effectiveDate later than today (station.transition.future)")
    @APIResponse(responseCode = "403", description = "Not a platform-admin or bureau-admin, or the station lies outside the bureau's region (station.forbidden.region)")
    @APIResponse(responseCode = "404", description = "No such station in your scope")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "Transition not allowed from the current status (station.transition.illegal), effective "
            + "date before the previous transition's (station.transition.backdated), or closing a station with open child stations "
            + "(station.transition.open-children)")
    public RestResponse<StationView> transition(@Parameter(description = "Station id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version the change is based on", required = true, example = "\"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransitionRequest.class),
                    examples = @ExampleObject(name = "startOperating", summary = "An established station starts operating", value = TRANSITION_EXAMPLE)))
            @NotNull @Valid TransitionRequest request) {
        return RestResponse.ok(service.transition(id, ifMatch, request));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "listStationHistory", summary = "List a station's status history (社工站状态变更记录)",
            description = "Every transition, oldest first, with who recorded it and when. Readable by whoever may read the station.")
    @APIResponse(responseCode = "200", description = "The transitions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TransitionView.class)))
    @APIResponse(responseCode = "404", description = "No such station in your scope")
    public List<TransitionView> history(@Parameter(description = "Station id") @PathParam("id") UUID id) {
        return service.history(id);
    }

    @GET
    @Operation(operationId = "listStations", summary = "List stations (社工站名录)",
            description = "Keyset-paginated by (updatedAt, id): follow next (or send nextCursor as cursor) until it is absent. "
                    + "region matches the whole subtree; updatedSince makes the list a change feed. Only stations in the "
                    + "caller's scope are listed (a bureau user, field worker or evaluator: its region's subtree; an agency "
                    + "admin: the stations its agency runs); the dashboard role may not list stations.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A filter is malformed (the problem names the parameter), limit is outside 1–"
            + PageRequest.MAX_LIMIT + " or the cursor is invalid")
    @APIResponse(responseCode = "403", description = "The role may not list stations (dashboard reads aggregates in reporting-service)")
    public Page<StationView> list(
            @BeanParam StationFilterParams filter,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        NativeSql where = service.where(filter.toFilter());
        List<StationView> rows = service.page(where, page.cursor(), page.fetchSize());
        return Page.of(rows, page.limit(), v -> v, StationService::cursorOf, uriInfo);
    }

    @GET
    @Path("/export.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @Operation(operationId = "exportStations", summary = "Export stations as CSV (导出社工站名录)",
            description = "Same filters and scope as the list, all matching rows in one file (no pagination): UTF-8 with BOM "
                    + "for spreadsheets, one row per station with the columns " + "id, name, level, regionCode, regionName, "
                    + "status, parentId, operationMode, agencyId, agencyName, address, establishedOn, floorAreaM2, designations, "
                    + "meetsStandard, builtAndOperating, wgs84Latitude, wgs84Longitude, version, updatedAt.")
    @APIResponse(responseCode = "200", description = "The CSV file (attachment stations.csv)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"stations.csv\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "A filter is malformed (the problem names the parameter)")
    @APIResponse(responseCode = "403", description = "The role may not list stations (dashboard reads aggregates in reporting-service)")
    public Response export(
            @BeanParam StationFilterParams filter) {
        // Resolved now, while the caller's request scope is certainly active.
        NativeSql where = service.where(filter.toFilter());
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
    @Operation(operationId = "listNearbyStations", summary = "Find open stations near a point (附近的社工站)",
            description = "Stations not CLOSED and with a position, within radiusKm of the point, nearest first, with the "
                    + "great-circle distance in metres; scoped like the list. The point may be given in WGS84 (GPS) or "
                    + "GCJ02 (Chinese web maps); distances are computed in WGS84.")
    @APIResponse(responseCode = "200", description = "The stations within the radius",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NearbyList.class)))
    @APIResponse(responseCode = "400", description = "lat or lon missing or outside China (station.query.coordinate), radiusKm not in "
            + "(0, 100] (station.query.radius), limit outside 1–" + PageRequest.MAX_LIMIT + " or an unknown crs")
    @APIResponse(responseCode = "403", description = "The role may not list stations (dashboard reads aggregates in reporting-service)")
    public NearbyList near(
            @Parameter(description = "Latitude of the point, 3 to 54 (China)", required = true,
                    schema = @Schema(type = SchemaType.NUMBER, format = "double", minimum = "3", maximum = "54"), example = "30.51")
            @QueryParam("lat") Double lat,
            @Parameter(description = "Longitude of the point, 73 to 136 (China)", required = true,
                    schema = @Schema(type = SchemaType.NUMBER, format = "double", minimum = "73", maximum = "136"), example = "120.68")
            @QueryParam("lon") Double lon,
            @Parameter(description = "Coordinate system of lat and lon: WGS84 (GPS) or GCJ02 (Chinese web maps)",
                    schema = @Schema(implementation = Crs.class, defaultValue = "WGS84"))
            @QueryParam("crs") @DefaultValue("WGS84") String crs,
            @Parameter(description = "Search radius in kilometres, above 0 and at most 100",
                    schema = @Schema(type = SchemaType.NUMBER, format = "double", minimum = "0", exclusiveMinimum = true,
                            maximum = "100", defaultValue = "5"))
            @QueryParam("radiusKm") @DefaultValue("5") double radiusKm,
            @Parameter(description = "At most this many stations", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "20"))
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
}
