package org.socialwork.projects.project;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Snapshot on {@code projects.project.v1} (log-compacted, key = project id). */
public record ProjectChangedEvent(UUID id, long version, String code, String name, String purchaserRegionCode,
        UUID contractorAgencyId, List<UUID> stationIds, LocalDate periodStart, LocalDate periodEnd,
        String contractNumber, LocalDate contractDate, ProcurementMethod procurementMethod, ProjectStatus status,
        String terminationReason, long budgetFen, List<Funding> funding, List<Disbursement> disbursements,
        long disbursedFen, List<String> serviceItems, List<Target> targets, Staffing staffing, List<TeamMember> team,
        long teamChanges, List<String> evaluatorSubjects, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final String TOPIC = "projects.project.v1";
    public static final String TYPE = "org.socialwork.project.changed.v1";

    static ProjectChangedEvent of(ProjectView v) {
        return new ProjectChangedEvent(v.id(), v.version(), v.code(), v.name(), v.purchaserRegionCode(),
                v.contractorAgencyId(), v.stationIds(), v.periodStart(), v.periodEnd(), v.contractNumber(),
                v.contractDate(), v.procurementMethod(), v.status(), v.terminationReason(), v.budgetFen(), v.funding(),
                v.disbursements(), v.disbursedFen(), v.serviceItems(), v.targets(), v.staffing(), v.team(),
                v.teamChanges(), v.evaluatorSubjects(), v.createdAt(), v.updatedAt());
    }
}
