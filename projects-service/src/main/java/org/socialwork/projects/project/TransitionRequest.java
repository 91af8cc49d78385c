package org.socialwork.projects.project;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A lifecycle step. CONTRACTED needs the contractor, contract number and date; TERMINATED needs a reason.")
public record TransitionRequest(
        @NotNull ProjectStatus to,
        @Size(max = 500) String reason,
        UUID contractorAgencyId,
        @Size(max = 64) String contractNumber,
        LocalDate contractDate) {
}
