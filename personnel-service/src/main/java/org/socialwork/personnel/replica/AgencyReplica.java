package org.socialwork.personnel.replica;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What personnel rules need of an agency, as last announced on {@code stations.agency.v1}. */
@Entity
@Table(name = "agency_replica")
public class AgencyReplica {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;

    public String name;

    @Column(name = "registration_region")
    public String registrationRegion;

    public String status;

    /** The snapshot version of stations-service, not a local optimistic lock. */
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
