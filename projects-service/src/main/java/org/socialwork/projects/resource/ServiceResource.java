package org.socialwork.projects.resource;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A resource of the "three lists" (needs, resources, projects): a donor, a volunteer team or a facility. */
@Entity
@Table(name = "resource")
public class ServiceResource {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ResourceKind kind;

    public String name;

    @Column(name = "region_code")
    public String regionCode;

    public String description;

    public String capacity;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
