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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;

import io.quarkus.security.Authenticated;

@Path("/api/v1/departures")
@Tag(name = "Departures", description = "Resignation notice, leave and team churn (离职管理)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DepartureStatsResource {

    @Inject
    DepartureService service;

    @GET
    @Path("/stats")
    @Operation(operationId = "getDepartureStats", summary = "Team churn of an agency (机构人员流失统计)",
            description = "Workers who left in [from, to] and the headcount at from; churnRate is departures / headcount "
                    + "(absent when the headcount is 0). For platform-admin, the agency's own agency-admin and the bureaus of its registration region.")
    @APIResponse(responseCode = "200", description = "The agency's churn in the period",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChurnStats.class),
                    examples = @ExampleObject(name = "2024", summary = "海宁市益民社会工作服务中心 in 2024", value = """
                            {"agencyId":"a3e1c6f2-4b7d-4e9a-8c15-6d2f0b9e7a11","from":"2024-01-01","to":"2024-12-31",\
                            "departures":1,"headcountAtStart":6,"churnRate":0.16666666666666666}""")))
    @APIResponse(responseCode = "400", description = "agency, from or to missing or malformed "
            + "(departure.stats.required), or to before from (departure.stats.range)")
    @APIResponse(responseCode = "403", description = "Your role has no churn statistics (field-worker, evaluator, dashboard)")
    @APIResponse(responseCode = "404", description = "No such agency in your scope")
    public ChurnStats stats(@Parameter(required = true, description = "The agency") @QueryParam("agency") UUID agency,
            @Parameter(required = true, description = "First day of the period (ISO date)", example = "2024-01-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(required = true, description = "Last day of the period (ISO date, not before from)",
                    example = "2024-12-31", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        if (agency == null) {
            throw Problems.invalidField("agency", "departure.stats.required", "agency");
        }
        return service.stats(agency, DepartureResource.date(from, "from"), DepartureResource.date(to, "to"));
    }
}
