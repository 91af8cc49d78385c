package org.socialwork.projects.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closes a case with its outcome. */
@Schema(description = "The outcome the case closes with")
public record CaseClosureRequest(@NotBlank @Size(max = 2000) String outcome) {
}
