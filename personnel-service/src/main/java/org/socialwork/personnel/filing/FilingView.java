package org.socialwork.personnel.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;

/** A filing obligation; {@code daysAfterChange} is set once filed. */
public record FilingView(UUID id, long version, UUID assignmentId, UUID workerId, String stationRegionCode,
        UUID employerAgencyId, FilingKind kind, LocalDate changedOn, LocalDate dueOn, LocalDate filedOn,
        Integer daysAfterChange, boolean late, FilingState state, OffsetDateTime updatedAt) implements Versioned {
}
