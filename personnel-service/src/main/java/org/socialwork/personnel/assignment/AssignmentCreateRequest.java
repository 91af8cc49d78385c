package org.socialwork.personnel.assignment;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Places a worker at a station from a date; the start is a filing obligation. */
public record AssignmentCreateRequest(
        @NotNull UUID workerId,
        @Schema(description = "A station known from stations.station.v1, not closed") @NotNull UUID stationId,
        @NotNull AssignmentRole role,
        @Schema(description = "Defaults to true for STATION_FULL_TIME employment") Boolean fullTime,
        @NotNull LocalDate from) {
}
