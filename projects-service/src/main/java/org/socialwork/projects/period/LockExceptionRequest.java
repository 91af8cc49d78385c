package org.socialwork.projects.period;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Either recordId, or stationId with periodStart and periodEnd.")
public record LockExceptionRequest(UUID recordId, UUID stationId, LocalDate periodStart, LocalDate periodEnd,
        @NotBlank @Size(max = 500) String reason) {
}
