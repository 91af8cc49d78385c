package org.socialwork.projects.need;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The triage of a need: its priority and, optionally, a corrected category. */
@Schema(description = "The triage of a need: its priority and, optionally, a corrected category.")
public record NeedTriageRequest(@NotNull NeedPriority priority, @Size(max = 40) String category) {
}
