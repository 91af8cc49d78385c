package org.socialwork.projects.project;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Replaces the changeable terms of a project (not its code, purchaser or status).")
public record ProjectUpdateRequest(
        @NotBlank @Size(max = 200) String name,
        UUID contractorAgencyId,
        @NotEmpty @Size(max = 500) List<@NotNull UUID> stationIds,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @Size(max = 64) String contractNumber,
        LocalDate contractDate,
        @NotNull ProcurementMethod procurementMethod,
        @NotNull @PositiveOrZero Long budgetFen,
        @NotEmpty @Size(max = 5) List<@NotNull @Valid Funding> funding,
        @Size(max = 50) List<@NotBlank String> serviceItems,
        @Size(max = 20) List<@NotNull @Valid Target> targets,
        @Valid Staffing staffing,
        @Size(max = 20) List<@NotBlank String> evaluatorSubjects) {
}
