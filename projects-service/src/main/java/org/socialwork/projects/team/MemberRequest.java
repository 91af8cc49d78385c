package org.socialwork.projects.team;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A worker joining the team; they must be employed by the contractor and not on the dishonesty list.")
public record MemberRequest(@NotNull UUID workerId, @NotNull TeamRole role, @NotNull LocalDate since) {
}
