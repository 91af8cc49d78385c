package org.socialwork.projects.reconciliation;

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
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.time.CalendarPeriod;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/admin/source-totals")
@Tag(name = "Source totals", description = "What this service holds, counted for reporting's reconciliation (源数据核对)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SourceTotalsResource {

    static final String EXAMPLE = """
            {"source": "projects-service", "region": "330481", "period": {"type": "MONTH", "start": "2026-11-01", "end": "2026-11-30"},
             "asOf": "2026-12-01T08:00:00Z",
             "totals": [{"measure": "serviceRecords", "value": 412},
                        {"measure": "serviceRecords.byType.CASE_SESSION", "value": 58},
                        {"measure": "serviceRecords.byType.COMMUNITY_ACTIVITY", "value": 9},
                        {"measure": "serviceRecords.byType.CONSULTATION", "value": 64},
                        {"measure": "serviceRecords.byType.GROUP_SESSION", "value": 21},
                        {"measure": "serviceRecords.byType.REFERRAL", "value": 14},
                        {"measure": "serviceRecords.byType.RESOURCE_LINKAGE", "value": 10},
                        {"measure": "serviceRecords.byType.VISIT", "value": 236},
                        {"measure": "serviceMinutes", "value": 37110},
                        {"measure": "serviceParticipants", "value": 1530}]}
            """;

    @Inject
    SourceTotalsService service;

    @Inject
    BusinessClock clock;

    @GET
    @Operation(operationId = "getServiceRecordSourceTotals", summary = "Service-record totals for the reconciliation (服务记录源数据统计)",
            description = "Service records of the region subtree (by their station's region) on the business days of "
                    + "the period (China's calendar; today when no period is given), each at its current revision: in all, by "
                    + "type, their minutes and participants. reporting-service compares them with its rollups (GET "
                    + "/api/v1/admin/reconciliation). Bureau users for their region subtree (their own region when none is "
                    + "given), a platform admin for any region or, without one, the whole country.")
    @APIResponse(responseCode = "200", description = "The totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceTotals.class),
                    examples = @ExampleObject(name = "november", summary = "Haining's service records in November", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "region is not a division code (query.invalid), or the period is invalid")
    @APIResponse(responseCode = "403", description = "Not a bureau user or platform admin")
    @APIResponse(responseCode = "404", description = "The region is outside your scope")
    public RestResponse<SourceTotals> get(
            @Parameter(description = "Division code of the region subtree (2, 4, 6, 9 or 12 digits); your own region when absent",
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "A day (2026-11-03), ISO week (2026-W45), month (2026-11), quarter (2026-Q4) or year (2026); "
                    + "or give from and to instead; today when neither is given",
                    schema = @Schema(type = SchemaType.STRING, pattern = CalendarPeriod.PATTERN), example = "2026-11")
            @QueryParam("period") String period,
            @Parameter(description = "First day of a date range (with to, instead of period)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day of a date range, inclusive (with from, instead of period)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return RestResponse.ok(service.totals(region, CalendarPeriod.parseOrToday(period, from, to, clock.today())));
    }
}
