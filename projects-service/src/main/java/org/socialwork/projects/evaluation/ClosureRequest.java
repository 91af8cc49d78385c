package org.socialwork.projects.evaluation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

public record ClosureRequest(@NotNull LocalDate closedOn) {
}
