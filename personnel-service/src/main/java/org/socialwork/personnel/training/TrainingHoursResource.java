package org.socialwork.personnel.training;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.time.BusinessClock;

import io.quarkus.security.Authenticated;

@Path("/api/v1/workers/{id}/training-hours")
@Tag(name = "Trainings", description = "Training courses, attendance and training hours")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TrainingHoursResource {

    @Inject
    TrainingService service;

    @Inject
    BusinessClock clock;

    @GET
    @Operation(summary = "Training hours of a worker in a year", description = "year defaults to the current year.")
    public TrainingHours hours(@PathParam("id") UUID id, @QueryParam("year") Integer year) {
        return service.hours(id, year == null ? clock.thisYear().getValue() : year);
    }
}
