package org.socialwork.personnel.replica;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of a {@code stations.station.v1} snapshot this service keeps. Other fields are ignored
 * on purpose: the producer may add fields without breaking this consumer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StationChanged(UUID id, Long version, String name, String level, String regionCode, String status,
        String operationMode, UUID agencyId, OffsetDateTime updatedAt) {
}
