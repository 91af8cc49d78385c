package org.socialwork.personnel.dispatch;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/dispatch-programmes")
@Tag(name = "Dispatch programmes", description = "Programmes such as the 三区 plan: dispatched workers and local trainees (派遣计划)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DispatchResource {

    static final String IF_MATCH = "The programme's ETag as last read; required (without it 428, with another version 412)";
    static final String PROGRAMME_ID = "The programme's id";
    static final String NOT_FOUND = "No such programme in your scope (neither its sending nor its receiving region is yours)";
    static final String WRITE_FORBIDDEN = "Only platform-admin and bureau-admin manage programmes, and a bureau only those "
            + "sending from its region (dispatch.forbidden.region)";

    static final String PROGRAMME_REQUEST_EXAMPLE = """
            {"name":"2024 年度社会工作专业人才支持计划（三区计划）","year":2024,"sendingRegionCode":"3301",\
            "sendingUnit":"杭州市春晖社会工作发展中心","receivingCountyCode":"330481","localTrainees":5}""";

    static final String PROGRAMME_EXAMPLE = """
            {"id":"d1e5f3a7-9b4c-4d8e-a061-7b3f5c9d4e61","version":2,\
            "name":"2024 年度社会工作专业人才支持计划（三区计划）","year":2024,"sendingRegionCode":"3301",\
            "sendingUnit":"杭州市春晖社会工作发展中心","receivingCountyCode":"330481",\
            "dispatches":[{"workerId":"4d6f8a0b-2c3e-4f5a-9b1c-3d5e7f9a1b13","from":"2024-04-01","to":"2024-12-31"},\
            {"workerId":"8f0a2c4e-6b7d-4e9f-a1b2-4c6d8e0f2a14","from":"2024-04-01","to":"2024-12-31"}],\
            "workersDispatched":2,"localTrainees":5,\
            "createdAt":"2024-03-20T10:00:00+08:00","updatedAt":"2024-03-25T15:30:00+08:00"}""";

    @Inject
    DispatchService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(operationId = "createDispatchProgramme", summary = "Create a dispatch programme (新建派遣计划)",
            description = "A programme of one year sending workers from a developed region (sendingRegionCode: province, "
                    + "city or county) to a receiving county and training local workers (培养对象). bureau-admin covering "
                    + "the sending region, or platform-admin.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class),
                    examples = @ExampleObject(name = "created", summary = "The 2024 三区 programme, no dispatch yet", value = """
                            {"id":"d1e5f3a7-9b4c-4d8e-a061-7b3f5c9d4e61","version":0,\
                            "name":"2024 年度社会工作专业人才支持计划（三区计划）","year":2024,"sendingRegionCode":"3301",\
                            "sendingUnit":"杭州市春晖社会工作发展中心","receivingCountyCode":"330481","dispatches":[],\
                            "workersDispatched":0,"localTrainees":5,\
                            "createdAt":"2024-03-20T10:00:00+08:00","updatedAt":"2024-03-20T10:00:00+08:00"}""")))
    @APIResponse(responseCode = "400", description = "Invalid field: year outside 2000–2100, a sending region that is not a "
            + "2-, 4- or 6-digit code, a receiving county that is not 6 digits, or a malformed Idempotency-Key")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    @Idempotent
    public RestResponse<ProgrammeView> create(@Parameter(description = "Optional, 1 to 255 characters, scoped to the caller: a retry with the "
            + "same key and body gets the stored answer again (Idempotent-Replayed: true)")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgrammeRequest.class),
                    examples = @ExampleObject(name = "sanqu", summary = "Hangzhou sends workers to Haining (三区计划)",
                            value = PROGRAMME_REQUEST_EXAMPLE)))
            @NotNull @Valid ProgrammeRequest request) {
        ProgrammeView view = service.create(request);
        return RestResponse.ResponseBuilder.<ProgrammeView>created(URI.create("/api/v1/dispatch-programmes/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDispatchProgramme", summary = "Read a dispatch programme (查看派遣计划)",
            description = "The programme with its dispatches, for platform-admin and the bureaus of its sending or "
                    + "receiving region.")
    @APIResponse(responseCode = "200", description = "The programme",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class),
                    examples = @ExampleObject(name = "programme", summary = "Two workers dispatched to Haining",
                            value = PROGRAMME_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public RestResponse<ProgrammeView> get(@Parameter(description = PROGRAMME_ID) @PathParam("id") UUID id) {
        ProgrammeView view = service.get(id);
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateDispatchProgramme", summary = "Update a programme, e.g. the number of local trainees (修改派遣计划)",
            description = "Replaces the programme's fields; the dispatches stay. You must manage both its current and its "
                    + "new sending region. Needs If-Match (the programme's ETag).")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (see createDispatchProgramme)")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "412", description = "If-Match is stale: the programme changed since you read it")
    public RestResponse<ProgrammeView> update(@Parameter(description = PROGRAMME_ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgrammeRequest.class),
                    examples = @ExampleObject(name = "sanqu", summary = "The same programme, unchanged fields resent",
                            value = PROGRAMME_REQUEST_EXAMPLE)))
            @NotNull @Valid ProgrammeRequest request) {
        ProgrammeView view = service.update(id, ifMatch, request);
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/dispatches/{workerId}")
    @Operation(operationId = "dispatchWorker", summary = "Dispatch a worker, or change the period (派遣社会工作者)",
            description = "Creates or replaces the worker's dispatch in the programme: the period lies within the programme "
                    + "year and ends after it starts. If-Match: the programme's ETag.")
    @APIResponse(responseCode = "200", description = "The programme with the dispatch",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "400", description = "The period is not within the programme year or ends before it starts "
            + "(dispatch.period)")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND + ", or no such worker")
    @APIResponse(responseCode = "412", description = "If-Match is stale: the programme changed since you read it")
    public RestResponse<ProgrammeView> dispatch(@Parameter(description = PROGRAMME_ID) @PathParam("id") UUID id,
            @Parameter(description = "The dispatched worker's id") @PathParam("workerId") UUID workerId,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DispatchRequest.class),
                    examples = @ExampleObject(name = "period", summary = "April to December of the programme year",
                            value = "{\"from\":\"2024-04-01\",\"to\":\"2024-12-31\"}")))
            @NotNull @Valid DispatchRequest request) {
        ProgrammeView view = service.dispatch(id, workerId, ifMatch, request);
        return RestResponse.ok(view);
    }

    @GET
    @Path("/totals")
    @Operation(operationId = "listDispatchTotals", summary = "Totals per receiving county (受援县派遣汇总)",
            description = "Programmes, workers dispatched and local trainees per receiving county, over the programmes you "
                    + "may see; optional year and county. For platform-admin, bureau-admin and bureau-viewer.")
    @APIResponse(responseCode = "200", description = "One entry per receiving county, ordered by its code")
    @APIResponse(responseCode = "400", description = "county is not a 6-digit code (dispatch.county), or year is not an integer from 2000 to 2100")
    @APIResponse(responseCode = "403", description = "Your role has no dispatch totals (agency-admin, field-worker, evaluator, "
            + "dashboard)")
    public List<CountyTotals> totals(
            @Parameter(description = "Only programmes of this year, e.g. 2024",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
            @Min(2000) @Max(2100) @QueryParam("year") Integer year,
            @Parameter(description = "Only this receiving county (6-digit county-level division code)", example = "330481",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{6}$"))
            @QueryParam("county") String county) {
        if (county != null && !county.matches("\\d{6}")) {
            throw Problems.invalidField("county", "dispatch.county", county);
        }
        return service.totals(year, county);
    }
}
