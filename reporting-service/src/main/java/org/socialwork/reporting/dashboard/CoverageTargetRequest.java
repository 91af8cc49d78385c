package org.socialwork.reporting.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A bureau's township-coverage target for one year, in percent. */
public record CoverageTargetRequest(@NotNull @Min(0) @Max(100) Integer targetPercent, @Size(max = 500) String note) {
}
