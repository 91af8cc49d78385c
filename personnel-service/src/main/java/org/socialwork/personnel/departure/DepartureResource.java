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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/workers/{id}/departure")
@Tag(name = "Departures", description = "Resignation notice, leave and team churn")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DepartureResource {

    @Inject
    DepartureService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/notice")
    @Operation(summary = "Give notice", description = "plannedLeaveOn at least 30 days after noticeDate unless replacementWorkerId is named, at most two months. If-Match: the worker's ETag.")
    @APIResponse(responseCode = "200", description = "Notice recorded; the worker is NOTICE_GIVEN")
    @APIResponse(responseCode = "422", description = "Notice too short or too long")
    public DepartureView notice(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid NoticeRequest request) {
        return service.notice(id, ifMatch, request);
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/leave")
    @Operation(summary = "Record the leave", description = "Ends every active assignment (END filings) and the employment. If-Match: the worker's ETag.")
    public DepartureView leave(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
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
