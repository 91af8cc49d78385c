package org.socialwork.personnel.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Snapshot on {@code personnel.volunteer.v1}; without the volunteer's name. */
public record VolunteerChangedEvent(UUID id, long version, UUID stationId, String stationRegionCode,
        UUID recruitedByWorkerId, LocalDate registeredOn, BigDecimal serviceHours, boolean regular, String status,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final String TOPIC = "personnel.volunteer.v1";
    public static final String TYPE = "org.socialwork.volunteer.changed.v1";

    static VolunteerChangedEvent of(Volunteer v) {
        return new VolunteerChangedEvent(v.id, v.version, v.stationId, v.stationRegionCode, v.recruitedByWorkerId,
                v.registeredOn, v.serviceHours, v.regular, v.status, v.createdAt, v.updatedAt);
    }
}
