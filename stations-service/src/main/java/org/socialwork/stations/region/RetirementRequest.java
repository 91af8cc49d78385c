package org.socialwork.stations.region;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Retires a division from {@code effectiveDate} on, optionally recording the division it was merged into. */
public record RetirementRequest(
        @NotNull LocalDate effectiveDate,
        @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}") String mergedInto,
        @NotBlank @Size(max = 500) String reason) {
}
