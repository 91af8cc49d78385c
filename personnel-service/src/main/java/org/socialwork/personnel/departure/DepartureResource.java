package org.socialwork.personnel.departure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/workers/{id}/departure")
@Tag(name = "Departures", description = "Resignation notice, leave and team churn (离职管理)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DepartureResource {

    static final String IF_MATCH = "The worker's ETag as last read (GET /api/v1/workers/{id}); required (without it 428, "
            + "with another version 412)";
    static final String WORKER_ID = "The departing worker's id";
    static final String WRITE_FORBIDDEN = "Your role may not record departures (only platform-admin, bureau-admin and "
            + "agency-admin may), or the worker is outside what you may change (worker.forbidden.scope)";

    @Inject
    DepartureService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/notice")
    @Operation(operationId = "giveDepartureNotice", summary = "Give notice (提交辞职申请)",
            description = "Resigning needs a month's notice: plannedLeaveOn at least 30 days after noticeDate unless "
                    + "replacementWorkerId names another active worker of the same agency, and at most two months after it. "
                    + "Only an active, employed worker gives notice, once. The worker becomes NOTICE_GIVEN. "
                    + "If-Match: the worker's ETag.")
    @APIResponse(responseCode = "200", description = "Notice recorded; the worker is NOTICE_GIVEN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartureView.class),
                    examples = @ExampleObject(name = "notice", summary = "顾明 gives notice to leave at the end of July",
                            value = """
                                    {"id":"7c9e1b3d-5f2a-4c4e-9b6d-8f0a2c4e6b20",\
                                    "workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01",\
                                    "agencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","noticeDate":"2025-06-20",\
                                    "plannedLeaveOn":"2025-07-31","reason":"回原籍工作"}""")))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. plannedLeaveOn before noticeDate "
            + "(departure.leave-before-notice)")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such worker in your scope")
    @APIResponse(responseCode = "409", description = "The worker has already given notice (departure.open)")
    @APIResponse(responseCode = "412", description = "If-Match is stale: the worker changed since you read it")
    @APIResponse(responseCode = "422", description = "The worker is not active and employed (departure.not-active), the "
            + "notice is too short (departure.notice.too-short) or too long (departure.notice.too-long), or the replacement "
            + "is not another active worker of the same agency (departure.replacement.invalid)")
    public DepartureView notice(@Parameter(description = WORKER_ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoticeRequest.class),
                    examples = @ExampleObject(name = "notice", summary = "A month and more of notice", value = """
                            {"noticeDate":"2025-06-20","plannedLeaveOn":"2025-07-31","reason":"回原籍工作"}""")))
            @NotNull @Valid NoticeRequest request) {
        return service.notice(id, ifMatch, request);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/leave")
    @Operation(operationId = "recordDepartureLeave", summary = "Record the leave (办理离职)",
            description = "After the notice: leftOn (not before the notice date) ends every active assignment (END "
                    + "filings) and the employment; the worker becomes LEFT. If-Match: the worker's ETag.")
    @APIResponse(responseCode = "200", description = "Left; the departure with its leftOn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartureView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. leftOn before the notice date "
            + "(departure.leave-before-notice)")
    @APIResponse(responseCode = "403", description = WRITE_FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such worker in your scope")
    @APIResponse(responseCode = "412", description = "If-Match is stale: the worker changed since you read it")
    @APIResponse(responseCode = "422", description = "The worker has not given notice (departure.no-notice)")
    public DepartureView leave(@Parameter(description = WORKER_ID) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LeaveRequest.class),
                    examples = @ExampleObject(name = "leave", summary = "The last day", value = "{\"leftOn\":\"2025-07-31\"}")))
            @NotNull @Valid LeaveRequest request) {
        return service.leave(id, ifMatch, request);
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Problems.invalidField(field, "departure.stats.required", field);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(field, "worker.query.invalid", field, text);
        }
    }
}
