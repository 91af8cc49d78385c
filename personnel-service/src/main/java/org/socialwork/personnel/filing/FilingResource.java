package org.socialwork.personnel.filing;

import java.time.LocalDate;
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
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/filings")
@Tag(name = "Filings", description = "Filing of assignment starts, changes and ends with the bureau (备案)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FilingResource {

    static final String NOT_FOUND = "No such filing obligation in your scope";

    static final String FILING_EXAMPLE = """
            {"id":"f4a1b8c3-2d6e-4f9a-b7c0-3e8d1a5f9b41","version":1,"assignmentId":"e2d9f1a4-6b3c-4d7e-8f20-1a5b9c3d7e31",\
            "workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","stationRegionCode":"330481001",\
            "employerAgencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","kind":"START","changedOn":"2024-06-03",\
            "dueOn":"2024-06-10","filedOn":"2024-06-13","daysAfterChange":10,"late":true,"state":"FILED_LATE",\
            "updatedAt":"2024-06-13T16:20:00+08:00"}""";

    @Inject
    FilingService service;

    @Inject
    BusinessClock clock;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listFilings", summary = "List filing obligations (备案事项列表)",
            description = "Every start, change and end of an assignment must be filed with the bureau within 7 days. For "
                    + "platform-admin, the bureaus of the station's region and the employer's agency-admin. region matches "
                    + "the station's region subtree; late=true lists filings made late and unfiled ones past their due date. "
                    + "Keyset-paginated by (updatedAt, id): follow `next`.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A malformed filter: region not a division code, late or filed not "
            + "true/false, worker or agency not a UUID, limit outside 1–200, or a bad cursor")
    @APIResponse(responseCode = "403", description = "Your role has no filing list (field-worker, evaluator, dashboard)")
    public Page<FilingView> list(
            @Parameter(description = "A division code of 2 to 12 digits (e.g. 330481): stations in that subtree",
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "true: filed late, or unfiled past the due date; false: neither")
            @QueryParam("late") Boolean late,
            @Parameter(description = "true: filed; false: not filed yet") @QueryParam("filed") Boolean filed,
            @Parameter(description = "Only this worker's filings") @QueryParam("worker") UUID worker,
            @Parameter(description = "Only filings of workers employed by this agency") @QueryParam("agency") UUID agency,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page; absent for the first page")
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        QueryParams.regionPrefix(region, "region");
        LocalDate today = clock.today();
        return Page.of(service.list(new FilingService.Filter(region, late, filed, worker, agency), today, page),
                page.limit(), f -> FilingService.view(f, today), FilingService::cursorOf, uriInfo);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFiling", summary = "Read a filing obligation (查看备案事项)",
            description = "state is PENDING (within the deadline), OVERDUE, FILED_ON_TIME or FILED_LATE, as of today in "
                    + "China.")
    @APIResponse(responseCode = "200", description = "The filing obligation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FilingView.class),
                    examples = @ExampleObject(name = "filedLate", summary = "A START filed 10 days after the change",
                            value = FILING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public RestResponse<FilingView> get(@Parameter(description = "The filing obligation's id") @PathParam("id") UUID id) {
        FilingView view = service.get(id);
        return RestResponse.ok(view);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}/file")
    @Operation(operationId = "recordFiling", summary = "Record the filing (登记备案)",
            description = "filedOn lies between the change and today; the filing is late when filedOn is more than the "
                    + "configured days (7) after the change. Filed once. Needs If-Match (the filing's ETag).")
    @APIResponse(responseCode = "200", description = "Filed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FilingView.class),
                    examples = @ExampleObject(name = "filedLate", summary = "Filed 10 days after the change: late",
                            value = FILING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "filedOn before the change (filing.before-change) or in the future "
            + "(filing.future)")
    @APIResponse(responseCode = "403", description = "Your role may not record filings, or not for this assignment "
            + "(filing.forbidden.scope)")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Already filed (filing.already-filed)")
    @APIResponse(responseCode = "412", description = "If-Match is stale: the filing changed since you read it")
    public RestResponse<FilingView> file(@Parameter(description = "The filing obligation's id") @PathParam("id") UUID id,
            @Parameter(description = "The filing's ETag as last read; required (without it 428, with another version 412)")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FileRequest.class),
                    examples = @ExampleObject(name = "filed", summary = "Filed with the bureau on 13 June",
                            value = "{\"filedOn\":\"2024-06-13\"}")))
            @NotNull @Valid FileRequest request) {
        FilingView view = service.file(id, ifMatch, request);
        return RestResponse.ok(view);
    }
}
