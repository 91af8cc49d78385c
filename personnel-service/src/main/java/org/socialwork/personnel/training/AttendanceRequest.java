package org.socialwork.personnel.training;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** A worker's attendance of a training: hours attended and whether the course was completed. */
public record AttendanceRequest(@NotNull @DecimalMin("0") BigDecimal hours, @NotNull Boolean completed) {
}
