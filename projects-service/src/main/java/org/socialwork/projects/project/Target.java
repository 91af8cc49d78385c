package org.socialwork.projects.project;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** A contract target of one indicator (rates in percent). */
public record Target(@NotNull Indicator indicator, @NotNull @PositiveOrZero BigDecimal target) {
}
