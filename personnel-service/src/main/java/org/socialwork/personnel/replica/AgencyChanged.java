package org.socialwork.personnel.replica;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of a {@code stations.agency.v1} snapshot this service keeps; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyChanged(UUID id, Long version, String name, String registrationRegion, String status,
        OffsetDateTime updatedAt) {
}
