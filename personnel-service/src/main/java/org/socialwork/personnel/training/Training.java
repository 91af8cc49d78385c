package org.socialwork.personnel.training;

import java.math.BigDecimal;
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

/** A training course; attendance lives in {@code training_attendance}. */
@Entity
@Table(name = "training")
public class Training {

    @Id
    public UUID id;

    public String title;

    @Enumerated(EnumType.STRING)
    public TrainingType type;

    public String provider;

    @Column(name = "organizer_region_code")
    public String organizerRegionCode;

    public BigDecimal hours;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
