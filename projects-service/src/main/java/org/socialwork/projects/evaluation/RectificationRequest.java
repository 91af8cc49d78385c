package org.socialwork.projects.evaluation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record RectificationRequest(@NotBlank @Size(max = 1000) String description, @NotNull LocalDate dueOn) {
}
