package org.socialwork.projects.evaluation;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** One assessor's scores, 0–100 per indicator code of the template. */
public record ScoresRequest(@NotNull AssessorKind assessor,
        @NotEmpty Map<String, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal> scores) {
}
