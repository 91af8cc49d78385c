package org.socialwork.projects.project;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;

/** A project as the API shows it. */
public record ProjectView(UUID id, long version, String code, String name, String purchaserRegionCode,
        UUID contractorAgencyId, List<UUID> stationIds, LocalDate periodStart, LocalDate periodEnd,
        String contractNumber, LocalDate contractDate, ProcurementMethod procurementMethod, ProjectStatus status,
        String terminationReason, long budgetFen, List<Funding> funding, List<Disbursement> disbursements,
        long disbursedFen, List<String> serviceItems, List<Target> targets, Staffing staffing, List<TeamMember> team,
        long teamChanges, List<String> evaluatorSubjects, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {
}
