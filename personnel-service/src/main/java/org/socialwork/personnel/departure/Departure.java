package org.socialwork.personnel.departure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A worker's notice and, once it happens, the leave itself; counted per agency as team churn. */
@Entity
@Table(name = "departure")
public class Departure {

    @Id
    public UUID id;

    @Column(name = "worker_id")
    public UUID workerId;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(name = "notice_date")
    public LocalDate noticeDate;

    @Column(name = "planned_leave_on")
    public LocalDate plannedLeaveOn;

    @Column(name = "replacement_worker_id")
    public UUID replacementWorkerId;

    @Column(name = "left_on")
    public LocalDate leftOn;

    public String reason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
