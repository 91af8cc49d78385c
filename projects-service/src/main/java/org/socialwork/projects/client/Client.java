package org.socialwork.projects.client;

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

/**
 * A client (服务对象). The ID number and phone are stored encrypted (PersonalDataCipher, the column
 * name bound as associated data) and the ID number also as a blind index for lookups and the
 * one-client-per-person rule. The plan lives on the row: one plan per person.
 */
@Entity
@Table(name = "client")
public class Client {

    static final String ID_NUMBER_FIELD = "client.id_number";
    static final String PHONE_FIELD = "client.phone";

    @Id
    public UUID id;

    public String name;

    @Column(name = "id_number_enc")
    public String idNumberEnc;

    @Column(name = "id_number_index")
    public String idNumberIndex;

    @Column(name = "phone_enc")
    public String phoneEnc;

    public String gender;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "village_region_code")
    public String villageRegionCode;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String categories;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Column(name = "required_visits_per_month")
    public int requiredVisitsPerMonth;

    @Column(name = "station_id")
    public UUID stationId;

    @Column(name = "responsible_worker_id")
    public UUID responsibleWorkerId;

    public String assessment;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String plan;

    @Enumerated(EnumType.STRING)
    public ClientStatus status;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
