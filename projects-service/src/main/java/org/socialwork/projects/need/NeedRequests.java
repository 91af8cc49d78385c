package org.socialwork.projects.need;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the need workflow. */
public final class NeedRequests {

    private NeedRequests() {
    }

    @Schema(description = "A need taken in; it starts RECEIVED.")
    public record Intake(@NotNull NeedSource source, @NotBlank @Size(max = 40) @Schema(example = "ELDERLY") String category,
            @NotBlank @Size(max = 2000) String description,
            @NotBlank @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}") String regionCode, UUID clientId, UUID stationId) {
    }

    public record Triage(@NotNull NeedPriority priority, @Size(max = 40) String category) {
    }

    public record Dispatch(@NotNull UUID stationId, @NotNull UUID workerId, @NotNull LocalDate dueOn) {
    }

    public record Closure(@NotEmpty @Size(max = 100) List<@NotNull UUID> recordIds) {
    }
}
