package org.socialwork.projects.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

    public record Finance(long budgetFen, List<Funding> funding, long disbursedInMonthFen, long disbursedToDateFen,
            long plannedNotYetPaidFen) {
    }

    public record Execution(Map<String, BigDecimal> month, Map<String, BigDecimal> toDate, List<TargetFigure> targets,
            int stations, int teamSize) {
    }

    public record TargetFigure(String indicator, BigDecimal target, BigDecimal actualToDate) {
    }
}
