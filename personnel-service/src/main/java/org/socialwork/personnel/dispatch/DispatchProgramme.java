package org.socialwork.personnel.dispatch;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A dispatch programme (e.g. the "三区" plan): workers sent to a receiving county, local trainees trained. */
@Entity
@Table(name = "dispatch_programme")
public class DispatchProgramme {

    @Id
    public UUID id;

    public String name;

    public int year;

    @Column(name = "sending_region_code")
    public String sendingRegionCode;

    @Column(name = "sending_unit")
    public String sendingUnit;

    @Column(name = "receiving_county_code")
    public String receivingCountyCode;

    @Column(name = "local_trainees")
    public int localTrainees;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
