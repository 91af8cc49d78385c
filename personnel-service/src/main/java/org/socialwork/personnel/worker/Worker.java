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
import jakarta.persistence.Version;

/**
 * A social worker. The ID number and phone are held only encrypted ({@code *_enc}) with their
 * blind indexes; the current employment is kept here, its history in {@code employment}.
 */
@Entity
@Table(name = "worker")
public class Worker {

    @Id
    public UUID id;

    @Column(name = "employer_agency_id")
    public UUID employerAgencyId;

    @Column(name = "external_id")
    public String externalId;

    public String name;

    @Column(name = "id_number_enc")
    public String idNumberEnc;

    @Column(name = "id_number_index")
    public String idNumberIndex;

    public String gender;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "phone_enc")
    public String phoneEnc;

    @Column(name = "phone_index")
    public String phoneIndex;

    @Enumerated(EnumType.STRING)
    public Education education;

    @Column(name = "social_work_degree")
    public boolean socialWorkDegree;

    @Enumerated(EnumType.STRING)
    public Category category;

    public String post;

    public Integer grade;

    @Column(name = "employed_from")
    public LocalDate employedFrom;

    @Column(name = "employed_until")
    public LocalDate employedUntil;

    public boolean registered;

    @Enumerated(EnumType.STRING)
    @Column(name = "qualification_level")
    public QualificationLevel qualificationLevel;

    @Enumerated(EnumType.STRING)
    public WorkerStatus status;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
