package org.socialwork.projects.project;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new project; it starts as DRAFT. The funding parts must add up to the budget.")
public record ProjectCreateRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]*") @Schema(example = "HN-2024-SGZ-01") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}|\\d{9}") @Schema(description = "Province, city, county or township code of the purchasing government (a township or street office may purchase too)", example = "330481")
        String purchaserRegionCode,
        UUID contractorAgencyId,
        @NotEmpty @Size(max = 500) List<@NotNull UUID> stationIds,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @NotNull ProcurementMethod procurementMethod,
        @NotNull @PositiveOrZero Long budgetFen,
        @NotEmpty @Size(max = 5) List<@NotNull @Valid Funding> funding,
        @Size(max = 50) List<@NotBlank String> serviceItems,
        @Size(max = 20) List<@NotNull @Valid Target> targets,
        @Valid Staffing staffing,
        @Size(max = 20) List<@NotBlank String> evaluatorSubjects) {
}
