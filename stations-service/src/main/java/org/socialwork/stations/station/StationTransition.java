package org.socialwork.stations.station;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "station_transition")
public class StationTransition {

    @Id
    public UUID id;

    @Column(name = "station_id")
    public UUID stationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public StationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public StationStatus toStatus;

    @Column(name = "effective_date")
    public LocalDate effectiveDate;

    public String reason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
}
