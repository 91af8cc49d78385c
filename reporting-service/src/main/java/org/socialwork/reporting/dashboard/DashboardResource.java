package org.socialwork.reporting.dashboard;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.reporting.dashboard.DashboardViews.ComplianceDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.CoverageDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.EvaluationsDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.Network;
import org.socialwork.reporting.dashboard.DashboardViews.ProjectsDashboard;
import org.socialwork.reporting.dashboard.DashboardViews.ServiceOutput;
import org.socialwork.reporting.dashboard.DashboardViews.WorkforceDashboard;

import io.quarkus.security.Authenticated;

/**
 * One call per dashboard, for any region (default: the caller's own) and any period:
 * {@code period=2024-09-03 | 2024-W36 | 2024-09 | 2024-Q3 | 2024} or {@code from}/{@code to}.
 */
@Path("/api/v1/dashboards")
@Tag(name = "Dashboards", description = "Aggregates for bureaus and dashboards, drilled down by child region")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    DashboardService service;

    @Inject
    BusinessClock clock;

    @GET
    @Path("/network")
    @Operation(summary = "Network and coverage", description = "Stations by level and status, pilots and demonstration stations (current state); township and village-room coverage and progress against the yearly target, as of the end of the year (today for the current year).")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Network network(@QueryParam("region") String region, @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return service.network(region, year);
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Coverage on a day", description = "Township and village-room coverage of the region and its children on the last day of the period (today when it has not ended; today without a period), with progress against that year's target.")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "400", description = "Invalid period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public CoverageDashboard coverage(@QueryParam("region") String region, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.coverage(region, Period.parseOrToday(period, from, to, clock.today()));
    }

    @GET
    @Path("/service-output")
    @Operation(summary = "Service output", description = "Visits, case sessions, group sessions, community activities, service hours, distinct clients, by service-item category; totals, time series, children.")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "400", description = "Invalid period")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public ServiceOutput serviceOutput(@QueryParam("region") String region, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.serviceOutput(region, Period.parse(period, from, to));
    }

    @GET
    @Path("/workforce")
    @Operation(summary = "Workforce", description = "Workers by category and qualification level, certified share, staff per operating station, training hours in the period, volunteers, dispatch programmes of the period's years.")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public WorkforceDashboard workforce(@QueryParam("region") String region, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.workforce(region, Period.parse(period, from, to));
    }

    @GET
    @Path("/projects")
    @Operation(summary = "Projects and money", description = "Projects by status, budget by funding source, disbursed amounts, by purchasing bureau (amounts in fen).")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public ProjectsDashboard projects(@QueryParam("region") String region) {
        return service.projects(region);
    }

    @GET
    @Path("/visit-compliance")
    @Operation(summary = "Key-client visit compliance", description = "Share of key and high-risk client-months visited at least as often as required; whole months only.")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "400", description = "Invalid period or not whole months")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public ComplianceDashboard compliance(@QueryParam("region") String region, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.compliance(region, Period.parse(period, from, to));
    }

    @GET
    @Path("/evaluations")
    @Operation(summary = "Evaluations", description = "Completed evaluations of the period: average score, grades, score bands.")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public EvaluationsDashboard evaluations(@QueryParam("region") String region, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.evaluations(region, Period.parse(period, from, to));
    }
}
