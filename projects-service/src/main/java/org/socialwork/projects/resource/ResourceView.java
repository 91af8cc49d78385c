package org.socialwork.projects.resource;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;

public record ResourceView(UUID id, long version, ResourceKind kind, String name, String regionCode, String description,
        String capacity, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {

    static ResourceView of(ServiceResource r) {
        return new ResourceView(r.id, r.version, r.kind, r.name, r.regionCode, r.description, r.capacity, r.createdAt,
                r.updatedAt);
    }
}
