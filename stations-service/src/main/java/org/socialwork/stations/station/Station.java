package org.socialwork.stations.station;

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

import org.hibernate.annotations.ColumnTransformer;

/**
 * A station. Sets and the standard are kept as JSON text in jsonb columns (written through a cast)
 * because they are always read and written whole; the service maps them to typed records.
 */
@Entity
@Table(name = "station")
public class Station {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public StationLevel level;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "parent_id")
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    public StationStatus status;

    public String address;

    @Column(name = "contact_note")
    public String contactNote;

    @Column(name = "established_on")
    public LocalDate establishedOn;

    @Column(name = "floor_area_m2")
    public BigDecimal floorAreaM2;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String rooms;

    @Column(name = "co_locations")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String coLocations;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String designations;

    @Enumerated(EnumType.STRING)
    @Column(name = "operation_mode")
    public OperationMode operationMode;

    @Column(name = "agency_id")
    public UUID agencyId;

    public Double latitude;

    public Double longitude;

    @Enumerated(EnumType.STRING)
    public Crs crs;

    @Column(name = "wgs_lat")
    public Double wgsLat;

    @Column(name = "wgs_lon")
    public Double wgsLon;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String standard;

    @Column(name = "meets_standard")
    public boolean meetsStandard;

    @Version
    public long version;

    /** Who keys the station by {@code externalId}: {@code platform} or {@code region:<code>} of a bureau. */
    @Column(name = "external_scope")
    public String externalScope;

    /** The caller's own id of the station, from a batch; null for stations created one by one. */
    @Column(name = "external_id")
    public String externalId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** 建成运营: in operation and meeting the building standard. */
    public boolean builtAndOperating() {
        return status == StationStatus.OPERATING && meetsStandard;
    }
}
