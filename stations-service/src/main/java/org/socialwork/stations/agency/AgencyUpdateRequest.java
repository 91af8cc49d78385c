package org.socialwork.stations.agency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Full replacement of the changeable fields; the credit code and registration region are fixed. */
@Schema(description = "Changeable fields of an agency. An agency admin may change the contact only.")
public record AgencyUpdateRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull LegalForm legalForm,
        AgencyGrade grade,
        @Min(1990) @Max(2100) Integer gradeYear,
        @Valid AgencyContact contact,
        @NotNull AgencyStatus status) {
}
