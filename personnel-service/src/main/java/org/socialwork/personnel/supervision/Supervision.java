package org.socialwork.personnel.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A supervision pairing (督导): a supervisor with one worker or one station. */
@Entity
@Table(name = "supervision")
public class Supervision {

    @Id
    public UUID id;

    @Column(name = "supervisor_id")
    public UUID supervisorId;

    @Column(name = "worker_id")
    public UUID workerId;

    @Column(name = "station_id")
    public UUID stationId;

    /** The region the pairing belongs to (the station's, or the supervised worker's employer's). */
    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "valid_from")
    public LocalDate from;

    @Column(name = "valid_to")
    public LocalDate to;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
