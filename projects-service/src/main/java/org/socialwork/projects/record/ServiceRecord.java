package org.socialwork.projects.record;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A service record. New records are inserted set-based by the batch (see ServiceRecordService);
 * this entity serves reads and corrections. {@code revision} is the ETag: 1 when recorded, +1 per
 * correction.
 */
@Entity
@Table(name = "service_record")
public class ServiceRecord {

    @Id
    public UUID id;

    public int revision;

    @Enumerated(EnumType.STRING)
    public RecordType type;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    @Column(name = "station_id")
    public UUID stationId;

    @Column(name = "station_region_code")
    public String stationRegionCode;

    @Column(name = "project_id")
    public UUID projectId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "worker_ids")
    public UUID[] workerIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "client_ids")
    public UUID[] clientIds;

    @Column(name = "participant_count")
    public int participantCount;

    @Column(name = "service_items")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String serviceItems;

    @Column(name = "service_item_categories")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String serviceItemCategories;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "need_id")
    public UUID needId;

    public Double latitude;

    public Double longitude;

    public String notes;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
