package org.socialwork.personnel.assignment;

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

import org.socialwork.personnel.worker.Category;

/** A worker placed at a station; the station's region and the employer are copied for scope and filing. */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    public UUID id;

    @Column(name = "worker_id")
    public UUID workerId;

    @Column(name = "station_id")
    public UUID stationId;

    @Column(name = "station_region_code")
    public String stationRegionCode;

    @Column(name = "employer_agency_id")
    public UUID employerAgencyId;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Enumerated(EnumType.STRING)
    public AssignmentRole role;

    @Column(name = "full_time")
    public boolean fullTime;

    @Column(name = "valid_from")
    public LocalDate from;

    @Column(name = "valid_to")
    public LocalDate to;

    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
