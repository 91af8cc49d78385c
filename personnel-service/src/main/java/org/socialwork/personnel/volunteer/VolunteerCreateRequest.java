package org.socialwork.personnel.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Registers a volunteer; the name stays in this service and never enters an event. */
public record VolunteerCreateRequest(@NotNull UUID stationId, @NotNull UUID recruitedByWorkerId,
        @NotBlank @Size(max = 100) String name, @NotNull LocalDate registeredOn,
        @NotNull @DecimalMin("0") BigDecimal serviceHours, @NotNull Boolean regular) {
}
