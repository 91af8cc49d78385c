package org.socialwork.personnel.reconciliation;

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
import org.jboss.resteasy.reactive.RestResponse;
import org.socialwork.platform.reconciliation.SourceTotals;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/admin/source-totals")
@Tag(name = "Source totals", description = "What this service holds, counted for reporting's reconciliation (源数据核对)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SourceTotalsResource {

    static final String EXAMPLE = """
            {"source": "personnel-service", "region": "330481", "asOf": "2026-11-20T08:00:00Z",
             "totals": [{"measure": "workforce.workers", "value": 48},
                        {"measure": "workforce.byCategory.PROJECT_WORKER", "value": 12},
                        {"measure": "workforce.byCategory.STATION_FULL_TIME", "value": 30},
                        {"measure": "workforce.byCategory.SUPERVISOR", "value": 6},
                        {"measure": "workforce.byQualificationLevel.ASSISTANT", "value": 22},
                        {"measure": "workforce.byQualificationLevel.INTERMEDIATE", "value": 11},
                        {"measure": "workforce.byQualificationLevel.NONE", "value": 14},
                        {"measure": "workforce.byQualificationLevel.SENIOR", "value": 1},
                        {"measure": "workers.byStatus.ACTIVE", "value": 46},
                        {"measure": "workers.byStatus.NOTICE_GIVEN", "value": 2}]}
            """;

    @Inject
    SourceTotalsService service;

    @GET
    @Operation(operationId = "getWorkerSourceTotals", summary = "Worker totals for the reconciliation (人员源数据统计)",
            description = "Workers with an active assignment at a station of the region subtree, as this service holds "
                    + "them now, each counted once: by employment status (workers.byStatus), and those who have not left "
                    + "(the workforce dashboard's workers) by category and qualification level. reporting-service compares "
                    + "them with its read model (GET /api/v1/admin/reconciliation). Bureau users for their region subtree "
                    + "(their own region when none is given), a platform admin for any region or, without one, the whole country.")
    @APIResponse(responseCode = "200", description = "The totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceTotals.class),
                    examples = @ExampleObject(name = "haining", summary = "Haining's workers", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "region is not a division code (query.invalid)")
    @APIResponse(responseCode = "403", description = "Not a bureau user or platform admin")
    @APIResponse(responseCode = "404", description = "The region is outside your scope")
    public RestResponse<SourceTotals> get(
            @Parameter(description = "Division code of the region subtree (2, 4, 6, 9 or 12 digits); your own region when absent",
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN), example = "330481")
            @QueryParam("region") String region) {
        return RestResponse.ok(service.totals(region));
    }
}
