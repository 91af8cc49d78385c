package org.socialwork.reporting.ranking;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
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
import org.socialwork.reporting.dashboard.DashboardResource;
import org.socialwork.reporting.dashboard.Period;

import io.quarkus.security.Authenticated;

@Path("/api/v1/rankings")
@Tag(name = "Rankings", description = "League tables of child regions or stations (排名)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RankingResource {

    /** What a ranking ranks. */
    public static final String SUBJECTS = "CHILD_REGIONS ranks the child regions, STATIONS the operating stations below the region";
    /** The measures a ranking ranks on. */
    public static final String MEASURE = "What to rank on: a service-output measure, or (child regions only) TOWNSHIP_COVERAGE or EVALUATION_SCORE";
    public static final String NORMALISE = "Divide the measure by the operating stations or active workers of each subject, or not";

    static final String RANKING_EXAMPLE = """
            {"region": {"code": "330481", "name": "海宁市", "level": "COUNTY"},
             "period": {"type": "MONTH", "start": "2026-09-01", "end": "2026-09-30"},
             "previousPeriod": {"type": "MONTH", "start": "2026-08-01", "end": "2026-08-31"},
             "subjects": "CHILD_REGIONS", "measure": "VISIT", "normalise": "PER_STATION", "asOf": "2026-10-20T08:00:00Z",
             "rows": [{"rank": 1, "previousRank": 3, "rankChange": 2, "id": "330481001", "name": "硖石街道", "raw": 48,
                       "stations": 4, "workers": 5, "value": 12.00},
                      {"rank": 2, "previousRank": 1, "rankChange": -1, "id": "330481002", "name": "海洲街道", "raw": 30,
                       "stations": 3, "workers": 4, "value": 10.00}]}
            """;

    @Inject
    RankingService service;

    @GET
    @Operation(operationId = "getRanking", summary = "Rank child regions or stations (排名)",
            description = "subjects CHILD_REGIONS or STATIONS; measure RECORDS, VISIT, CASE_SESSION, GROUP_SESSION, "
                    + "COMMUNITY_ACTIVITY, CONSULTATION, REFERRAL, RESOURCE_LINKAGE, SERVICE_MINUTES, PARTICIPANTS, and for "
                    + "child regions TOWNSHIP_COVERAGE or EVALUATION_SCORE; normalise NONE, PER_STATION or PER_WORKER. "
                    + "rankChange > 0 means the subject climbed since the previous period.")
    @APIResponse(responseCode = "200", description = "The ranking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ranking.class),
                    examples = @ExampleObject(name = "visitsPerStation", summary = "Haining's townships by visits per station", value = RANKING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown measure, subjects, normaliser or period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Ranking rank(
            @Parameter(description = DashboardResource.REGION, schema = @Schema(type = SchemaType.STRING, format = DashboardResource.DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = DashboardResource.PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = DashboardResource.PERIOD_PATTERN), example = "2026-09")
            @QueryParam("period") String period,
            @Parameter(description = DashboardResource.FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = DashboardResource.TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = SUBJECTS, schema = @Schema(type = SchemaType.STRING, enumeration = {"CHILD_REGIONS", "STATIONS"}, defaultValue = "CHILD_REGIONS"))
            @QueryParam("subjects") @DefaultValue("CHILD_REGIONS") String subjects,
            @Parameter(description = MEASURE, schema = @Schema(type = SchemaType.STRING, enumeration = {"RECORDS", "VISIT", "CASE_SESSION",
                    "GROUP_SESSION", "COMMUNITY_ACTIVITY", "CONSULTATION", "REFERRAL", "RESOURCE_LINKAGE", "SERVICE_MINUTES",
                    "PARTICIPANTS", "TOWNSHIP_COVERAGE", "EVALUATION_SCORE"}, defaultValue = "RECORDS"))
            @QueryParam("measure") @DefaultValue("RECORDS") String measure,
            @Parameter(description = NORMALISE, schema = @Schema(type = SchemaType.STRING, enumeration = {"NONE", "PER_STATION", "PER_WORKER"}, defaultValue = "NONE"))
            @QueryParam("normalise") @DefaultValue("NONE") String normalise) {
        checkChoices(subjects, measure, normalise);
        return service.rank(region, Period.parse(period, from, to), subjects, measure, normalise);
    }

    /**
     * Refuses an unknown subjects, measure or normaliser before the period is read, so that the problem
     * names it even when the period is missing too; the same checks and messages as {@link RankingService#rank}.
     */
    public static void checkChoices(String subjects, String measure, String normalise) {
        boolean stations = "STATIONS".equals(subjects);
        if (!stations && !"CHILD_REGIONS".equals(subjects)) {
            throw Problems.invalidField("subjects", "reporting.ranking.subjects", subjects);
        }
        if (!RankingService.ROLLUP_MEASURES.contains(measure) && !(!stations
                && (RankingService.COVERAGE.equals(measure) || RankingService.EVALUATION_SCORE.equals(measure)))) {
            throw Problems.invalidField("measure", "reporting.ranking.measure", measure);
        }
        if (!List.of("NONE", "PER_STATION", "PER_WORKER").contains(normalise)) {
            throw Problems.invalidField("normalise", "reporting.ranking.normalise", normalise);
        }
    }
}
