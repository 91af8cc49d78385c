package org.socialwork.personnel.worker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A qualification certificate; a worker's level is the highest level among them. */
@Entity
@Table(name = "certificate")
public class Certificate {

    @Id
    public UUID id;

    @Column(name = "worker_id")
    public UUID workerId;

    public String number;

    @Enumerated(EnumType.STRING)
    public QualificationLevel level;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    public String issuer;

    public boolean registered;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
