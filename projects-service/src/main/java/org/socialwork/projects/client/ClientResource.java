package org.socialwork.projects.client;

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
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1")
@Tag(name = "Clients", description = "Clients of the stations and their individual service plans; ID numbers and phones are encrypted, masked and audited (服务对象)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientResource {

    static final String CURSOR = "The nextCursor of the previous page; absent for the first page";

    static final String IF_MATCH = "The ETag of the client version the change is based on";

    /** An elderly woman living alone on minimum living allowance, in a village of Xiashi street (demo data). */
    static final String CREATE_EXAMPLE = """
            {"name": "张秀英", "idNumber": "330481194503120026", "phone": "13812345678",
             "villageRegionCode": "330481001001", "categories": ["ELDERLY_ALONE", "MINIMUM_LIVING_ALLOWANCE"],
             "riskLevel": "KEY", "requiredVisitsPerMonth": 2, "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64",
             "responsibleWorkerId": "5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69", "assessment": "独居，行动不便，需定期探访",
             "plan": {"goals": ["每月探访两次", "链接助餐服务"], "serviceItems": ["ELDERLY_CARE"], "reviewOn": "2024-10-01"}}
            """;

    static final String CLIENT_EXAMPLE = """
            {"id": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "version": 4, "name": "张秀英",
             "idNumber": "3304**********0026", "phone": "138****5678", "masked": true, "gender": "FEMALE",
             "birthDate": "1945-03-12", "villageRegionCode": "330481001001",
             "categories": ["ELDERLY_ALONE", "MINIMUM_LIVING_ALLOWANCE"], "riskLevel": "KEY", "requiredVisitsPerMonth": 2,
             "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64", "responsibleWorkerId": "5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69",
             "assessment": "独居，行动不便，需定期探访",
             "plan": {"goals": ["每月探访两次", "链接助餐服务"], "serviceItems": ["ELDERLY_CARE"], "reviewOn": "2024-10-01"},
             "status": "ACTIVE", "createdAt": "2024-07-02T01:00:00Z", "updatedAt": "2024-09-01T02:00:00Z"}
            """;

    static final String CREATED_EXAMPLE = """
            {"id": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "version": 0, "name": "张秀英",
             "idNumber": "3304**********0026", "phone": "138****5678", "masked": true, "gender": "FEMALE",
             "birthDate": "1945-03-12", "villageRegionCode": "330481001001",
             "categories": ["ELDERLY_ALONE", "MINIMUM_LIVING_ALLOWANCE"], "riskLevel": "KEY", "requiredVisitsPerMonth": 2,
             "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64", "responsibleWorkerId": "5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69",
             "assessment": "独居，行动不便，需定期探访",
             "plan": {"goals": ["每月探访两次", "链接助餐服务"], "serviceItems": ["ELDERLY_CARE"], "reviewOn": "2024-10-01"},
             "status": "ACTIVE", "createdAt": "2024-07-02T01:00:00Z", "updatedAt": "2024-07-02T01:00:00Z"}
            """;

    static final String UPDATE_EXAMPLE = """
            {"name": "张秀英", "phone": "13812345678", "villageRegionCode": "330481001001",
             "categories": ["ELDERLY_ALONE", "MINIMUM_LIVING_ALLOWANCE", "DISABLED"], "riskLevel": "HIGH_RISK",
             "requiredVisitsPerMonth": 4, "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64",
             "responsibleWorkerId": "5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69", "assessment": "跌倒后行动不便，需每周探访",
             "plan": {"goals": ["每周探访一次", "申请居家适老化改造"], "serviceItems": ["ELDERLY_CARE"], "reviewOn": "2024-12-01"},
             "status": "ACTIVE"}
            """;

    static final String LOOKUP_EXAMPLE = """
            {"idNumber": "330481194503120026"}
            """;

    @Inject
    ClientService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/clients")
    @Operation(operationId = "createClient", summary = "Register a client (登记服务对象)",
            description = "Field workers at their stations, agency admins at their agency's stations, bureau admins in their "
                    + "region. Gender and birth date come from the ID number; one client per person. The ID number and phone "
                    + "are stored encrypted and answered masked unless the caller holds personal-data. "
                    + "Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the client, the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class),
                    examples = @ExampleObject(name = "registered", summary = "A key client, masked for a caller without personal-data", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. an ID number with a wrong check character or a malformed phone (client.phone.invalid)")
    @APIResponse(responseCode = "403", description = "The station is not one of yours (client.forbidden.station)")
    @APIResponse(responseCode = "409", description = "This person is already a client (client.id-number.taken), "
            + "or a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The village is not a village of the station's township (client.village.*), "
            + "unknown responsible worker (client.worker.unknown), or the Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<ClientView> create(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientCreateRequest.class),
                    examples = @ExampleObject(name = "elderlyAlone", summary = "An elderly woman living alone on minimum living allowance", value = CREATE_EXAMPLE)))
            @NotNull @Valid ClientCreateRequest request) {
        ClientView view = service.create(request);
        return RestResponse.ResponseBuilder.<ClientView>created(URI.create("/api/v1/clients/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/clients/{id}")
    @Operation(operationId = "getClient", summary = "Read a client (查看服务对象)",
            description = "Unmasked (and audited) for callers holding personal-data, masked for everyone else. The ETag is "
                    + "the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The client; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class),
                    examples = @ExampleObject(name = "masked", summary = "A key client, masked", value = CLIENT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such client in your scope")
    public RestResponse<ClientView> get(@Parameter(description = "Client id") @PathParam("id") UUID id) {
        ClientView view = service.get(id);
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/clients/{id}")
    @Operation(operationId = "updateClient", summary = "Change a client, their assessment or their plan (修改服务对象信息)",
            description = "A full replacement of the changeable fields (not the ID number); a phone left out is removed. "
                    + "Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Updated; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a malformed phone (client.phone.invalid)")
    @APIResponse(responseCode = "403", description = "The station is not one of yours (client.forbidden.station)")
    @APIResponse(responseCode = "404", description = "No such client in your scope")
    @APIResponse(responseCode = "422", description = "The village is not a village of the station's township (client.village.*), "
            + "or unknown responsible worker (client.worker.unknown)")
    public RestResponse<ClientView> update(@Parameter(description = "Client id") @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH, required = true, example = "\"4\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientUpdateRequest.class),
                    examples = @ExampleObject(name = "highRisk", summary = "After a fall: high risk, weekly visits", value = UPDATE_EXAMPLE)))
            @NotNull @Valid ClientUpdateRequest request) {
        ClientView view = service.update(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/clients/lookup")
    @Operation(operationId = "lookupClient", summary = "Find a client by ID number (按身份证号查找服务对象)",
            description = "The number travels in the body, never in a URL (URLs end up in logs). Answers the client in your "
                    + "scope with that number, masked unless you hold personal-data.")
    @APIResponse(responseCode = "200", description = "The client; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "400", description = "Not a valid resident ID number (client.id-number.invalid)")
    @APIResponse(responseCode = "404", description = "No client with this ID number in your scope")
    public RestResponse<ClientView> lookup(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientLookupRequest.class),
                    examples = @ExampleObject(name = "byIdNumber", summary = "Is this person already a client?", value = LOOKUP_EXAMPLE)))
            @NotNull @Valid ClientLookupRequest request) {
        ClientView view = service.lookup(request);
        return RestResponse.ok(view);
    }

    @GET
    @Path("/clients")
    @Operation(operationId = "listClients", summary = "List clients in scope (服务对象列表)",
            description = "Always masked. Keyset-paginated by (updatedAt, id): follow next (or send nextCursor as cursor) "
                    + "until it is absent; updatedSince makes the list a change feed. Evaluators and dashboards may not list clients.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A filter is malformed (the problem names the parameter), limit is outside 1–"
            + PageRequest.MAX_LIMIT + " or the cursor is invalid")
    @APIResponse(responseCode = "403", description = "The role may not list clients")
    public Page<ClientView> list(
            @Parameter(description = "Only clients of this station") @QueryParam("station") UUID station,
            @Parameter(description = "Only clients of this risk level", schema = @Schema(implementation = RiskLevel.class))
            @QueryParam("riskLevel") String riskLevel,
            @Parameter(description = "Only clients changed at or after this instant (ISO 8601 with offset)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2024-09-01T00:00:00+08:00")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        ClientService.Filter filter = new ClientService.Filter(station,
                QueryParams.enumValue(RiskLevel.class, riskLevel, "riskLevel"), QueryParams.timestamp(updatedSince, "updatedSince"));
        return Page.of(service.list(filter, page), page.limit(), service::listView, ClientService::cursorOf, uriInfo);
    }

    @GET
    @Path("/personal-data-access")
    @Operation(operationId = "listPersonalDataAccess", summary = "List the audit log of unmasked reads of personal data (个人信息查阅记录)",
            description = "Every unmasked read of a client's ID number or phone, newest first, with who read it and why. "
                    + "Bureau admins see reads of clients in their region, platform admins all.")
    @APIResponse(responseCode = "200", description = "The audited reads",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AccessView.class)))
    @APIResponse(responseCode = "400", description = "limit is outside 1–" + PageRequest.MAX_LIMIT)
    @APIResponse(responseCode = "403", description = "Not a platform-admin or bureau-admin")
    public List<AccessView> accessLog(
            @Parameter(description = "Only reads of this client") @QueryParam("subjectId") UUID subjectId,
            @Parameter(description = "At most this many reads", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "50"))
            @QueryParam("limit") Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > PageRequest.MAX_LIMIT) {
            throw Problems.invalidField("limit", "problem.validation.limit", PageRequest.MAX_LIMIT);
        }
        return service.accessLog(subjectId, size);
    }
}
