package org.socialwork.projects.client;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new client. Gender and birth date come from the ID number; one client per person.")
public record ClientCreateRequest(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Schema(description = "18-character resident ID number; stored encrypted, shown masked") String idNumber,
        @Schema(description = "Mainland mobile number; stored encrypted, shown masked") String phone,
        @NotBlank @Schema(description = "12-digit code of the home village or community", example = "330481001001") String villageRegionCode,
        @NotEmpty Set<@NotNull ClientCategory> categories,
        @NotNull RiskLevel riskLevel,
        @PositiveOrZero @Max(31) @Schema(description = "Default by risk level when absent") Integer requiredVisitsPerMonth,
        @NotNull UUID stationId,
        UUID responsibleWorkerId,
        @Size(max = 4000) String assessment,
        @Valid ServicePlan plan) {
}
