package org.socialwork.projects.period;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An exception the bureau grants to change records inside a locked period: one record, or a station's period. */
@Entity
@Table(name = "lock_exception")
public class LockException {

    @Id
    public UUID id;

    @Column(name = "record_id")
    public UUID recordId;

    @Column(name = "station_id")
    public UUID stationId;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    public String reason;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;
}
