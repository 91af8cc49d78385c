package org.socialwork.stations.agency;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "agency")
public class Agency {

    @Id
    public UUID id;

    public String name;

    @Column(name = "credit_code")
    public String creditCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_form")
    public LegalForm legalForm;

    @Column(name = "registration_region")
    public String registrationRegion;

    @Enumerated(EnumType.STRING)
    public AgencyGrade grade;

    @Column(name = "grade_year")
    public Integer gradeYear;

    @Column(name = "contact_person")
    public String contactPerson;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_address")
    public String contactAddress;

    @Enumerated(EnumType.STRING)
    public AgencyStatus status;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
