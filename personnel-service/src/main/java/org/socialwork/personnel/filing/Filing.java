package org.socialwork.personnel.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The obligation to file one start, change or end of an assignment, and when it was met. */
@Entity
@Table(name = "filing")
public class Filing {

    @Id
    public UUID id;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "worker_id")
    public UUID workerId;

    @Column(name = "station_region_code")
    public String stationRegionCode;

    @Column(name = "employer_agency_id")
    public UUID employerAgencyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    public FilingKind kind;

    @Column(name = "changed_on")
    public LocalDate changedOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "filed_on")
    public LocalDate filedOn;

    public Boolean late;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
