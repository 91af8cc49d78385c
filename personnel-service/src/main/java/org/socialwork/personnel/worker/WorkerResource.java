package org.socialwork.personnel.worker;

import java.net.URI;
import java.time.OffsetDateTime;
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
import jakarta.ws.rs.PUT;
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
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/workers")
@Tag(name = "Workers", description = "Social workers: identity, qualifications, employment")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkerResource {

    /**
     * Why personal data is read unmasked; written to the audit log with the read. Header values
     * are ISO-8859-1 on the wire, so a Chinese purpose is sent percent-encoded (UTF-8).
     */
    public static final String PURPOSE_HEADER = "X-Access-Purpose";

    @Inject
    WorkerService service;

    @Inject
    WorkerBatchService batch;

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(summary = "Hire a worker", description = "Needs platform-admin, bureau-admin (agency registered in its region) or the employer's agency-admin. Gender and birth date derive from the ID number.")
    @APIResponse(responseCode = "201", description = "Created; ID number and phone masked")
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. an ID number with a wrong check character")
    @APIResponse(responseCode = "409", description = "A worker with this ID number exists")
    @APIResponse(responseCode = "422", description = "The employer agency is unknown or inactive")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid WorkerCreateRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/workers", request, () -> {
            WorkerView view = service.create(request);
            return Preconditions.created(URI.create("/api/v1/workers/" + view.id()), view, view.version());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a worker", description = "Unmasked (and audited) for callers holding personal-data; give the reason in X-Access-Purpose or ?purpose=.")
    @APIResponse(responseCode = "200", description = "The worker")
    @APIResponse(responseCode = "404", description = "No such worker in your scope")
    public Response get(@PathParam("id") UUID id, @HeaderParam(PURPOSE_HEADER) String purposeHeader,
            @QueryParam("purpose") String purpose) {
        WorkerView view = service.get(id, purposeHeader != null ? decodePurpose(purposeHeader) : purpose);
        return Preconditions.ok(view, view.version());
    }

    @POST
    // A read sent as POST so that the ID number stays out of URLs: open to the roles that may read a worker.
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER})
    @Path("/lookup")
    @Operation(summary = "Find a worker by ID number", description = "The ID number travels in the body, never in a URL.")
    @APIResponse(responseCode = "200", description = "The worker")
    @APIResponse(responseCode = "404", description = "No such worker in your scope")
    public Response lookup(@HeaderParam(PURPOSE_HEADER) String purpose, @NotNull @Valid LookupRequest request) {
        WorkerView view = service.lookup(request.idNumber(), decodePurpose(purpose));
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}")
    @Operation(summary = "Update a worker's identity fields", description = "The ID number cannot change. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid WorkerUpdateRequest request) {
        WorkerView view = service.update(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}/employment")
    @Operation(summary = "Set the current employment", description = "Ends the previous employment the day before. Refused (409) for a worker on the dishonesty list. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "409", description = "The worker is on the dishonesty list")
    @APIResponse(responseCode = "422", description = "Unknown or inactive agency")
    public Response setEmployment(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EmploymentRequest request) {
        WorkerView view = service.setEmployment(id, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/{id}/certificates")
    @Operation(summary = "Add a qualification certificate", description = "The current level is the highest certified level.")
    @APIResponse(responseCode = "201", description = "Added; the worker with its new level")
    @APIResponse(responseCode = "409", description = "Certificate number already recorded")
    public Response addCertificate(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid CertificateRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/workers/" + id + "/certificates", request,
                () -> {
                    WorkerView view = service.addCertificate(id, request);
                    return Preconditions.created(URI.create("/api/v1/workers/" + id), view, view.version());
                });
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Path("/batch")
    @Operation(summary = "Create or update up to 1,000 workers of one agency", description = "Keyed by the agency's externalId; one answer per item (CREATED, UPDATED, UNCHANGED, REJECTED with a problem). Items are independent; resending changes nothing.")
    @APIResponse(responseCode = "200", description = "One result per item")
    public WorkerBatchResult batch(@NotNull @Valid WorkerBatchRequest request) {
        return batch.run(request, Messages.choose(headers.getAcceptableLanguages()), uriInfo.getPath());
    }

    @GET
    @Operation(summary = "List workers", description = "Keyset-paginated by (updatedAt, id); updatedSince makes it a change feed. Always masked.")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<WorkerView> list(@QueryParam("agency") UUID agency, @QueryParam("status") WorkerStatus status,
            @QueryParam("qualificationLevel") QualificationLevel level, @QueryParam("region") String region,
            @QueryParam("updatedSince") String updatedSince, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        if (region != null && !region.matches("\\d{2}(\\d{2}){0,2}(\\d{3}){0,2}")) {
            throw Problems.invalidField("region", "worker.query.invalid", "region", region);
        }
        OffsetDateTime since;
        try {
            since = updatedSince == null || updatedSince.isBlank() ? null : OffsetDateTime.parse(updatedSince.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("updatedSince", "worker.query.invalid", "updatedSince", updatedSince);
        }
        WorkerService.Filter filter = new WorkerService.Filter(agency, status, level, region, since);
        return Page.of(service.list(filter, page), page.limit(), service::listView, WorkerService::cursorOf, uriInfo);
    }

    static String decodePurpose(String header) {
        if (header == null) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(header, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }
}
