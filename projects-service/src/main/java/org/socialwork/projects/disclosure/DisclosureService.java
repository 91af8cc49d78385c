package org.socialwork.projects.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.platform.problem.Problems;
import org.socialwork.projects.project.Disbursement;
import org.socialwork.projects.project.Indicator;
import org.socialwork.projects.project.ProgressService;
import org.socialwork.projects.project.Project;
import org.socialwork.projects.project.ProjectRepository;
import org.socialwork.projects.project.ProjectService;
import org.socialwork.projects.project.ProjectStatus;
import org.socialwork.projects.project.ProjectView;
import org.socialwork.projects.replica.Replicas;

@ApplicationScoped
public class DisclosureService {

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectService projectService;

    @Inject
    ProgressService progress;

    @Inject
    Replicas replicas;

    /** Drafts and projects still in tender are not public yet: they look missing. */
    @Transactional
    public Disclosure disclose(String code, YearMonth month) {
        Project p = projects.findByCode(code)
                .filter(x -> x.status != ProjectStatus.DRAFT && x.status != ProjectStatus.TENDERING)
                .orElseThrow(() -> Problems.notFound("project", code));
        ProjectView v = projectService.view(p);
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        long inMonth = 0;
        long toDate = 0;
        long planned = 0;
        for (Disbursement d : v.disbursements()) {
            if (d.paidOn() == null || !d.paidOn().isBefore(next)) {
                planned += d.amountFen();
            } else {
                toDate += d.amountFen();
                if (!d.paidOn().isBefore(first)) {
                    inMonth += d.amountFen();
                }
            }
        }
        Map<Indicator, BigDecimal> monthFigures = progress.actuals(p, first, next);
        Map<Indicator, BigDecimal> toDateFigures = progress.actuals(p, p.periodStart, next);
        List<Disclosure.TargetFigure> targets = v.targets().stream()
                .map(t -> new Disclosure.TargetFigure(t.indicator().name(), t.target(), toDateFigures.get(t.indicator())))
                .toList();
        return new Disclosure(p.code, p.name, p.purchaserRegionCode,
                p.contractorAgencyId == null ? null : replicas.agencyName(p.contractorAgencyId).orElse(null),
                p.procurementMethod, p.contractNumber, p.contractDate, p.periodStart, p.periodEnd, p.status,
                month.toString(),
                new Disclosure.Finance(p.budgetFen, v.funding(), inMonth, toDate, planned),
                new Disclosure.Execution(named(monthFigures), named(toDateFigures), targets, v.stationIds().size(),
                        v.team().size()));
    }

    private static Map<String, BigDecimal> named(Map<Indicator, BigDecimal> figures) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        figures.forEach((k, value) -> {
            if (value != null) {
                out.put(k.name(), value);
            }
        });
        return out;
    }
}
