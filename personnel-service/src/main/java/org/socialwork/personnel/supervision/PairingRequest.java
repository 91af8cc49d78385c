package org.socialwork.personnel.supervision;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Pairs a supervisor with either a worker or a station. */
public record PairingRequest(@NotNull UUID supervisorId, UUID workerId, UUID stationId, @NotNull LocalDate from,
        LocalDate to) {
}
