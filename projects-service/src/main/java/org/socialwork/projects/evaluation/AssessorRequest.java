package org.socialwork.projects.evaluation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AssessorRequest(@NotNull AssessorKind kind,
        @NotBlank @Size(max = 200) @Schema(description = "The JWT subject who enters this assessor's scores") String subject,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal weight) {
}
