package org.socialwork.personnel.worker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One employment period of a worker with an agency. */
@Entity
@Table(name = "employment")
public class Employment {

    @Id
    public UUID id;

    @Column(name = "worker_id")
    public UUID workerId;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Enumerated(EnumType.STRING)
    public Category category;

    public String post;

    public int grade;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
