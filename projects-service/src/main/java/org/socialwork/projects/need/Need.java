package org.socialwork.projects.need;

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

/** A need taken in, triaged, dispatched to a station and worker, and closed with the records that answered it. */
@Entity
@Table(name = "need")
public class Need {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public NeedSource source;

    public String category;

    public String description;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "station_id")
    public UUID stationId;

    @Column(name = "worker_id")
    public UUID workerId;

    @Enumerated(EnumType.STRING)
    public NeedPriority priority;

    @Enumerated(EnumType.STRING)
    public NeedStatus status;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "answered_by")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String answeredBy;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
