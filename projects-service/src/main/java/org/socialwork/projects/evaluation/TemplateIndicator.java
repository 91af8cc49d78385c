package org.socialwork.projects.evaluation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An indicator of a template: its weight (all weights of a template add up to 100) and scoring guidance. */
public record TemplateIndicator(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,40}") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal weight,
        @Size(max = 2000) String guidance) {
}
