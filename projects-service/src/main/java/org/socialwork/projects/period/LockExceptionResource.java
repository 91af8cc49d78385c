package org.socialwork.projects.period;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/lock-exceptions")
@Tag(name = "Period locks", description = "Exceptions to locked reporting periods, granted by the bureau (锁定期例外授权)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LockExceptionResource {

    static final String STATION_PERIOD_EXAMPLE = """
            {"stationId": "3f6c2a8e-5b1d-4c7a-9e20-8d4b1f6a7c35", "periodStart": "2026-09-01", "periodEnd": "2026-09-30",
             "reason": "九月台风停电，纸质记录补录"}
            """;

    static final String RECORD_EXAMPLE = """
            {"recordId": "7e1c3a9f-2d4b-4f86-b05e-8a6d1c2f9e47", "reason": "服务时长录入错误，更正为 45 分钟"}
            """;

    static final String GRANTED_EXAMPLE = """
            {"id": "c5e1a9d3-7b2f-4e64-9a08-3d6f2b8c1e75", "stationId": "3f6c2a8e-5b1d-4c7a-9e20-8d4b1f6a7c35",
             "periodStart": "2026-09-01", "periodEnd": "2026-09-30", "reason": "九月台风停电，纸质记录补录",
             "grantedBy": "bureau-330481-admin", "grantedAt": "2026-10-08T03:00:00Z"}
            """;

    @Inject
    LockExceptionService service;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(operationId = "grantLockException", summary = "Grant an exception to a locked period (授权锁定期例外)",
            description = "Lets service records of a locked reporting period be written again: for one record (recordId "
                    + "alone), or for a station and period (stationId, periodStart and periodEnd). Platform admins and "
                    + "bureau admins whose region covers the record or station. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Granted; Location names the exception",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LockExceptionView.class),
                    examples = @ExampleObject(name = "stationPeriod", summary = "A station's September reopened",
                            value = GRANTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Neither shape, or both (lock-exception.shape), or periodEnd before "
            + "periodStart (lock-exception.period)")
    @APIResponse(responseCode = "403", description = "The record or station lies outside the caller's region (lock-exception.forbidden)")
    @APIResponse(responseCode = "404", description = "No such service record")
    @APIResponse(responseCode = "422", description = "The station is unknown (record.station.unknown), "
            + "or the Idempotency-Key was used with another body")
    @Idempotent
    public Response grant(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LockExceptionRequest.class),
                    examples = {@ExampleObject(name = "stationPeriod", summary = "A station's month, after a power cut",
                            value = STATION_PERIOD_EXAMPLE),
                            @ExampleObject(name = "record", summary = "One record to correct", value = RECORD_EXAMPLE)}))
            @NotNull @Valid LockExceptionRequest request) {
        LockExceptionView view = service.grant(request);
        return Response.created(URI.create("/api/v1/lock-exceptions/" + view.id())).entity(view).build();
    }
}
