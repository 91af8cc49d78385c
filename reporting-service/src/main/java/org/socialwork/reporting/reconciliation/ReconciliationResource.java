package org.socialwork.reporting.reconciliation;

import static org.socialwork.reporting.dashboard.DashboardResource.DIVISION_CODE_FORMAT;
import static org.socialwork.reporting.dashboard.DashboardResource.FROM;
import static org.socialwork.reporting.dashboard.DashboardResource.PERIOD;
import static org.socialwork.reporting.dashboard.DashboardResource.PERIOD_PATTERN;
import static org.socialwork.reporting.dashboard.DashboardResource.REGION;
import static org.socialwork.reporting.dashboard.DashboardResource.TO;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.reporting.dashboard.Period;

import io.quarkus.security.Authenticated;

@Path("/api/v1/admin/reconciliation")
@Tag(name = "Reconciliation", description = "The read models checked against the producers' own tables (数据核对)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    static final String EXAMPLE = """
            {"region": {"code": "330481", "name": "海宁市", "level": "COUNTY"},
             "period": {"type": "MONTH", "start": "2026-11-01", "end": "2026-11-30"},
             "consistent": false, "reportingAsOf": "2026-12-01T08:00:00Z",
             "sources": [{"service": "stations-service", "status": "OK", "asOf": "2026-12-01T08:00:01Z", "detail": null},
                         {"service": "personnel-service", "status": "UNAVAILABLE", "asOf": null,
                          "detail": "personnel-service did not answer: ConnectException"},
                         {"service": "projects-service", "status": "OK", "asOf": "2026-12-01T08:00:01Z", "detail": null}],
             "figures": [{"service": "stations-service", "measure": "stations", "source": 15, "reporting": 15, "difference": 0, "ok": true},
                         {"service": "personnel-service", "measure": "workforce.workers", "source": null, "reporting": 48,
                          "difference": null, "ok": false},
                         {"service": "projects-service", "measure": "serviceRecords", "source": 413, "reporting": 412,
                          "difference": -1, "ok": false},
                         {"service": "projects-service", "measure": "serviceRecords.byType.VISIT", "source": 237, "reporting": 236,
                          "difference": -1, "ok": false},
                         {"service": "projects-service", "measure": "serviceMinutes", "source": 37155, "reporting": 37110,
                          "difference": -45, "ok": false}]}
            """;

    @Inject
    ReconciliationService service;

    @Inject
    BusinessClock clock;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(operationId = "getReconciliation", summary = "Reconcile the read models with the producers (数据核对)",
            description = "Reads the source totals of stations-, personnel- and projects-service for the region (with your "
                    + "own token, so each applies your scope) and sets reporting's own figures beside them: stations by level "
                    + "and status and workers by status, category and qualification (current state), service records by type, "
                    + "minutes and participants of the period (today without one). Every figure says whether both agree; "
                    + "consistent is true only when every producer answered and every figure agrees. A producer that cannot "
                    + "be reached is reported UNAVAILABLE, not as an error. Updates the socialwork_reconciliation_* gauges. "
                    + "Bureau users for their region subtree, platform admins for any region.")
    @APIResponse(responseCode = "200", description = "The reconciliation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconciliationView.class),
                    examples = @ExampleObject(name = "november", summary = "Haining in November, one producer down", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid period, or no region given and none in your token")
    @APIResponse(responseCode = "403", description = "Not a bureau user or platform admin")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public RestResponse<ReconciliationView> reconcile(
            @Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING, format = DIVISION_CODE_FORMAT), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = PERIOD + "; today when neither is given", schema = @Schema(type = SchemaType.STRING, pattern = PERIOD_PATTERN), example = "2026-11")
            @QueryParam("period") String period,
            @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        Period days = Period.parseOrToday(period, from, to, clock.today());
        return RestResponse.ok(service.reconcile(region, days, headers.getHeaderString(HttpHeaders.AUTHORIZATION)));
    }
}
