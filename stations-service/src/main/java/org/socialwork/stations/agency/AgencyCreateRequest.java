package org.socialwork.stations.agency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new agency; it starts ACTIVE.")
public record AgencyCreateRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Schema(description = "18-character unified social credit code", example = "52330481MJ0000001A")
        String creditCode,
        @NotNull LegalForm legalForm,
        @NotBlank @Schema(description = "Code of the province, city or county of registration", example = "330481")
        String registrationRegion,
        AgencyGrade grade,
        @Min(1990) @Max(2100) Integer gradeYear,
        @Valid AgencyContact contact) {
}
