package org.socialwork.personnel.volunteer;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Updates the service hours, the regular flag and the status (ACTIVE or INACTIVE). */
public record VolunteerUpdateRequest(@NotNull @DecimalMin("0") BigDecimal serviceHours, @NotNull Boolean regular,
        @NotNull @Pattern(regexp = "ACTIVE|INACTIVE") String status) {
}
