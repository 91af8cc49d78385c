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

@Schema(description = "Replaces the changeable fields of a client (not the ID number). A phone left out is removed.")
public record ClientUpdateRequest(
        @NotBlank @Size(max = 50) String name,
        String phone,
        @NotBlank String villageRegionCode,
        @NotEmpty Set<@NotNull ClientCategory> categories,
        @NotNull RiskLevel riskLevel,
        @NotNull @PositiveOrZero @Max(31) Integer requiredVisitsPerMonth,
        @NotNull UUID stationId,
        UUID responsibleWorkerId,
        @Size(max = 4000) String assessment,
        @Valid ServicePlan plan,
        @NotNull ClientStatus status) {
}
