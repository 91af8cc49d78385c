package org.socialwork.reporting.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.socialwork.reporting.dashboard.PeriodType;

/** Whether a county's period is locked: the state published on reporting.period.v1. */
@Entity
@Table(name = "period_lock")
public class PeriodLock {

    /** "&lt;regionCode&gt;:&lt;periodType&gt;:&lt;periodStart&gt;", the event key. */
    @Id
    public String id;

    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_type")
    public PeriodType periodType;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    public boolean locked;

    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    /** The snapshot version: increases with every published change. */
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
