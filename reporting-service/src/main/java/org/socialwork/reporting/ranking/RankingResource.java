package org.socialwork.reporting.ranking;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.reporting.dashboard.Period;

import io.quarkus.security.Authenticated;

@Path("/api/v1/rankings")
@Tag(name = "Rankings", description = "League tables of child regions or stations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RankingResource {

    @Inject
    RankingService service;

    @GET
    @Operation(summary = "Rank child regions or stations", description = "subjects CHILD_REGIONS or STATIONS; measure RECORDS, VISIT, CASE_SESSION, GROUP_SESSION, COMMUNITY_ACTIVITY, CONSULTATION, REFERRAL, RESOURCE_LINKAGE, SERVICE_MINUTES, PARTICIPANTS, and for child regions TOWNSHIP_COVERAGE or EVALUATION_SCORE; normalise NONE, PER_STATION or PER_WORKER. rankChange > 0 means the subject climbed since the previous period.")
    @APIResponse(responseCode = "200", description = "The ranking")
    @APIResponse(responseCode = "400", description = "Unknown measure, subjects, normaliser or period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Ranking rank(@QueryParam("region") String region, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("subjects") @DefaultValue("CHILD_REGIONS") String subjects,
            @QueryParam("measure") @DefaultValue("RECORDS") String measure,
            @QueryParam("normalise") @DefaultValue("NONE") String normalise) {
        return service.rank(region, Period.parse(period, from, to), subjects, measure, normalise);
    }
}
