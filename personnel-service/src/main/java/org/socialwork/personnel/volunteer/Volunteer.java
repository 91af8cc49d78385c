package org.socialwork.personnel.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A volunteer registered under a station by the worker who recruited them. */
@Entity
@Table(name = "volunteer")
public class Volunteer {

    @Id
    public UUID id;

    @Column(name = "station_id")
    public UUID stationId;

    @Column(name = "station_region_code")
    public String stationRegionCode;

    @Column(name = "recruited_by_worker_id")
    public UUID recruitedByWorkerId;

    public String name;

    @Column(name = "registered_on")
    public LocalDate registeredOn;

    @Column(name = "service_hours")
    public BigDecimal serviceHours;

    public boolean regular;

    public String status;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
