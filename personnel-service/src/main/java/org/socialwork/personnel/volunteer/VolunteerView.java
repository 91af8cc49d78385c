package org.socialwork.personnel.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;

/** A volunteer as the API shows it (with the name). */
public record VolunteerView(UUID id, long version, UUID stationId, String stationRegionCode, UUID recruitedByWorkerId,
        String name, LocalDate registeredOn, BigDecimal serviceHours, boolean regular, String status,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {

    static VolunteerView of(Volunteer v) {
        return new VolunteerView(v.id, v.version, v.stationId, v.stationRegionCode, v.recruitedByWorkerId, v.name,
                v.registeredOn, v.serviceHours, v.regular, v.status, v.createdAt, v.updatedAt);
    }
}
