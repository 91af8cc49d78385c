package org.socialwork.personnel.worker;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current employment of a worker: employer, category, post and grade within the pay scale. */
public record EmploymentRequest(
        @Schema(description = "Employer agency; must be known from stations.agency.v1") @NotNull UUID agencyId,
        @NotNull Category category,
        @Schema(description = "A post of the configured pay scale", example = "SOCIAL_WORKER") @NotBlank String post,
        @Schema(description = "A grade of the pay scale, 1 to personnel.pay-scale.grades", example = "6") @NotNull Integer grade,
        @NotNull LocalDate from,
        LocalDate until) {
}
