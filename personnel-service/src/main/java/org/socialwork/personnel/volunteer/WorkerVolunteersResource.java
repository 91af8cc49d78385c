package org.socialwork.personnel.volunteer;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/v1/workers/{id}/volunteers")
@Tag(name = "Volunteers", description = "Volunteers registered under stations by the workers who recruited them (志愿者)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WorkerVolunteersResource {

    @Inject
    VolunteerService service;

    @GET
    @Operation(operationId = "getWorkerVolunteerSummary", summary = "Volunteers a worker recruited (社工招募的志愿者)",
            description = "Counts of the worker's active and regular volunteers and their service hours (active ones only). "
                    + "For whoever may read the worker.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VolunteerSummary.class),
                    examples = @ExampleObject(name = "summary", summary = "顾明's volunteers", value = """
                            {"workerId":"5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01","active":3,"regular":2,"serviceHours":46.5}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such worker in your scope")
    public VolunteerSummary summary(@Parameter(description = "The recruiting worker's id") @PathParam("id") UUID id) {
        return service.summary(id);
    }
}
