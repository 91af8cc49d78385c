package org.socialwork.projects.casework;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Opens a case for a client, with the worker who carries it. */
@Schema(description = "A new case of a client: the worker carrying it, the problem areas and the initial plan")
public record CaseOpenRequest(@NotNull UUID clientId, @NotNull UUID workerId,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 60) String> problemAreas, @Size(max = 4000) String plan) {
}
