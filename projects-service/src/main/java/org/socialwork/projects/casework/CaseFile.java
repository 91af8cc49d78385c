package org.socialwork.projects.casework;

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

import org.hibernate.annotations.ColumnTransformer;

/** A case opened for a client; its sessions are the service records that name it. */
@Entity
@Table(name = "case_file")
public class CaseFile {

    @Id
    public UUID id;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "worker_id")
    public UUID workerId;

    @Column(name = "station_id")
    public UUID stationId;

    @Column(name = "problem_areas")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String problemAreas;

    public String plan;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String referral;

    public String outcome;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
