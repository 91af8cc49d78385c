package org.socialwork.reporting.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.socialwork.reporting.dashboard.PeriodType;

/** A county's periodic report: figures compiled from the read models plus the bureau's narrative. */
@Entity
@Table(name = "report")
public class Report {

    @Id
    public UUID id;

    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_type")
    public PeriodType periodType;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    public String narrative;

    @JdbcTypeCode(SqlTypes.JSON)
    public ReportFigures figures;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Review> reviews = new ArrayList<>();

    /** Managed by the service: the ETag; every change increments it under a row lock. */
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
