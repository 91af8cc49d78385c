package org.socialwork.projects.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.projects.project.Funding;
import org.socialwork.projects.project.ProcurementMethod;
import org.socialwork.projects.project.ProjectStatus;

/**
 * The public disclosure of a project for one month: what was bought, from whom, with which money,
 * how much was paid, and what was delivered. Counts only; no person is named or identifiable.
 */
public record Disclosure(String code, String name, String purchaserRegionCode, String contractorAgency,
        ProcurementMethod procurementMethod, String contractNumber, LocalDate contractDate, LocalDate periodStart,
        LocalDate periodEnd, ProjectStatus status, String month, Finance finance, Execution execution) {

    @Schema(name = "DisclosureFinance", description = "The money of the project in fen (分): budget, funding sources, paid in the month and to date, planned but not yet paid")
    public record Finance(long budgetFen, List<Funding> funding, long disbursedInMonthFen, long disbursedToDateFen,
            long plannedNotYetPaidFen) {
    }

    @Schema(name = "DisclosureExecution", description = "What was delivered: indicator figures of the month and to date, the targets, the stations and team size")
    public record Execution(Map<String, BigDecimal> month, Map<String, BigDecimal> toDate, List<TargetFigure> targets,
            int stations, int teamSize) {
    }

    @Schema(name = "DisclosureTargetFigure", description = "A contracted target with the figure reached to date")
    public record TargetFigure(String indicator, BigDecimal target, BigDecimal actualToDate) {
    }
}
