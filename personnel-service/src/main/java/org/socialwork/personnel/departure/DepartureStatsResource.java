package org.socialwork.personnel.departure;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;

import io.quarkus.security.Authenticated;

@Path("/api/v1/departures")
@Tag(name = "Departures", description = "Resignation notice, leave and team churn")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DepartureStatsResource {

    @Inject
    DepartureService service;

    @GET
    @Path("/stats")
    @Operation(summary = "Team churn of an agency", description = "Workers who left in [from, to] and the headcount at from.")
    public ChurnStats stats(@Parameter(required = true) @QueryParam("agency") UUID agency,
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        if (agency == null) {
            throw Problems.invalidField("agency", "departure.stats.required", "agency");
        }
        return service.stats(agency, DepartureResource.date(from, "from"), DepartureResource.date(to, "to"));
    }
}
