package org.socialwork.personnel.training;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.time.BusinessClock;

import io.quarkus.security.Authenticated;

@Path("/api/v1/workers/{id}/training-hours")
@Tag(name = "Trainings", description = "Training courses, attendance and training hours (培训)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TrainingHoursResource {

    @Inject
    TrainingService service;

    @Inject
    BusinessClock clock;

    @GET
    @Operation(operationId = "getWorkerTrainingHours", summary = "Training hours of a worker in a year (年度培训学时)",
            description = "Hours attended, trainings attended and trainings completed, over the trainings that started in "
                    + "the year; year defaults to the current year in China. For whoever may read the worker.")
    @APIResponse(responseCode = "200", description = "The worker's training hours",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingHours.class),
                    examples = @ExampleObject(name = "2024", summary = "顾明 in 2024", value = """
                            {"workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","year":2024,"hours":24.0,"trainings":2,\
                            "completed":2}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or year is not an integer from 2000 to 2100")
    @APIResponse(responseCode = "404", description = "No such worker in your scope")
    public TrainingHours hours(@Parameter(description = "The worker's id") @PathParam("id") UUID id,
            @Parameter(description = "The calendar year, e.g. 2024; defaults to the current year",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
            @Min(2000) @Max(2100) @QueryParam("year") Integer year) {
        return service.hours(id, year == null ? clock.thisYear().getValue() : year);
    }
}
