package org.socialwork.reporting.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.socialwork.reporting.ranking.Ranking;

/** A monthly bulletin: rankings frozen at compile time so the issued text never drifts from its figures. */
@Entity
@Table(name = "bulletin")
public class Bulletin {

    @Id
    public UUID id;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    public BulletinStatus status;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> comments = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Ranking> rankings = new ArrayList<>();

    @Column(name = "as_of")
    public OffsetDateTime asOf;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    /** Managed by the service: the ETag; every change increments it under a row lock. */
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
