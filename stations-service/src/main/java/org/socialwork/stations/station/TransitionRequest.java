package org.socialwork.stations.station;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record TransitionRequest(
        @NotNull StationStatus to,
        @NotNull LocalDate effectiveDate,
        @Size(max = 1000) String reason) {
}
