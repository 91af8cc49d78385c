package org.socialwork.projects.project;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * A purchased-service project. Lists read and written whole (stations, funding, disbursements,
 * items, targets, evaluators) are JSON text in jsonb columns; the service maps them to records.
 */
@Entity
@Table(name = "project")
public class Project {

    @Id
    public UUID id;

    public String code;

    public String name;

    @Column(name = "purchaser_region_code")
    public String purchaserRegionCode;

    @Column(name = "contractor_agency_id")
    public UUID contractorAgencyId;

    @Column(name = "station_ids")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String stationIds;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "contract_number")
    public String contractNumber;

    @Column(name = "contract_date")
    public LocalDate contractDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "procurement_method")
    public ProcurementMethod procurementMethod;

    @Enumerated(EnumType.STRING)
    public ProjectStatus status;

    @Column(name = "termination_reason")
    public String terminationReason;

    @Column(name = "budget_fen")
    public long budgetFen;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String funding;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String disbursements;

    @Column(name = "service_items")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String serviceItems;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String targets;

    @Column(name = "min_full_time_workers")
    public int minFullTimeWorkers;

    @Column(name = "min_certified_workers")
    public int minCertifiedWorkers;

    @Column(name = "evaluator_subjects")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String evaluatorSubjects;

    /**
     * Incremented by the service on every change of the project or its team (rows are locked with
     * SELECT ... FOR UPDATE first), so the snapshot version also moves when only the team changes.
     */
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
