package org.socialwork.personnel.training;

import java.net.URI;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/trainings")
@Tag(name = "Trainings", description = "Training courses, attendance and training hours")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingResource {

    @Inject
    TrainingService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
        @Operation(summary = "Create a training", description = "bureau-admin covering organizerRegionCode, or platform-admin.")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid TrainingRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/trainings", request, () -> {
            TrainingView view = service.create(request);
            return Preconditions.created(URI.create("/api/v1/trainings/" + view.id()), view, view.version());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a training with its attendance")
    public Response get(@PathParam("id") UUID id) {
        TrainingView view = service.get(id);
        return Preconditions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Path("/{id}/attendance/{workerId}")
    @Operation(summary = "Record a worker's attendance", description = "Creates or replaces it. If-Match: the training's ETag.")
    public Response attend(@PathParam("id") UUID id, @PathParam("workerId") UUID workerId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid AttendanceRequest request) {
        TrainingView view = service.attend(id, workerId, ifMatch, request);
        return Preconditions.ok(view, view.version());
    }
}
