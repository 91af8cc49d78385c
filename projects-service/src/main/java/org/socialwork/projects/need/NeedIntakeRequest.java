package org.socialwork.projects.need;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A need taken in; it starts RECEIVED. */
@Schema(description = "A need taken in; it starts RECEIVED.")
public record NeedIntakeRequest(@NotNull NeedSource source,
        @NotBlank @Size(max = 40) @Schema(example = "ELDERLY") String category,
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}") String regionCode, UUID clientId, UUID stationId) {
}
