package org.socialwork.projects.need;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The service records that answered a need. */
@Schema(description = "The service records (1–100) that answered the need.")
public record NeedClosureRequest(@NotEmpty @Size(max = 100) List<@NotNull UUID> recordIds) {
}
