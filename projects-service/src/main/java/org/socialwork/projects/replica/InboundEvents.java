package org.socialwork.projects.replica;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's own reading of other services' snapshots: only the fields it decides on. Unknown
 * fields are ignored on purpose, so that producers may add optional fields without breaking us.
 */
public final class InboundEvents {

    private InboundEvents() {
    }

    /** stations.region.v1 */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegionChanged(String code, String level, String parentCode, LocalDate validTo, long version) {
    }

    /** stations.station.v1 */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StationChanged(UUID id, long version, String name, String level, String regionCode, String status,
            UUID agencyId) {
    }

    /** stations.agency.v1 */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgencyChanged(UUID id, long version, String name, String registrationRegion, String status) {
    }

    /** personnel.worker.v1 */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkerChanged(UUID id, long version, UUID employerAgencyId, String category, String qualificationLevel,
            Boolean registered, String status, Boolean dishonestyListed, LocalDate dishonestyListedUntil) {
    }

    /** personnel.assignment.v1 */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AssignmentChanged(UUID id, long version, UUID workerId, UUID stationId, String status) {
    }
}
