package org.socialwork.projects.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new entry of the service catalogue")
public record ServiceItemRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") @Schema(example = "HOSPICE_CARE") String code,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") @Schema(example = "ELDERLY") String category,
        @NotBlank @Size(max = 100) String labelZh,
        @NotBlank @Size(max = 100) String labelEn) {
}
