package org.socialwork.personnel.training;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A training course organised in a region (the organising bureau's division code). */
public record TrainingRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull TrainingType type,
        @NotBlank @Size(max = 200) String provider,
        @NotNull @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}|\\d{9}") String organizerRegionCode,
        @NotNull @DecimalMin("0.5") @DecimalMax("2000") BigDecimal hours,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn) {
}
