package org.socialwork.reporting.warning;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A supervision warning about a station, client, project, evaluation or region. */
@Entity
@Table(name = "warning")
public class Warning {

    @Id
    public UUID id;

    public String kind;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public String subjectId;

    public String severity;

    public String detail;

    public BigDecimal measured;

    public BigDecimal threshold;

    public String status;

    @Column(name = "raised_at")
    public OffsetDateTime raisedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The snapshot version and ETag; managed by the service under a row lock. */
    public long version;
}
