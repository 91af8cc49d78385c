package org.socialwork.personnel.replica;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What personnel rules need of a station, as last announced on {@code stations.station.v1}. */
@Entity
@Table(name = "station_replica")
public class StationReplica {

    public static final String CLOSED = "CLOSED";
    public static final String PURCHASED_SERVICE = "PURCHASED_SERVICE";

    @Id
    public UUID id;

    public String name;

    public String level;

    @Column(name = "region_code")
    public String regionCode;

    public String status;

    @Column(name = "operation_mode")
    public String operationMode;

    @Column(name = "agency_id")
    public UUID agencyId;

    /** The snapshot version of stations-service, not a local optimistic lock. */
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
