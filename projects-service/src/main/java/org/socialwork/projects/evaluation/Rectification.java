package org.socialwork.projects.evaluation;

import java.time.LocalDate;
import java.util.UUID;

/** A rectification item: what must be fixed, by when, and when it was closed. */
public record Rectification(UUID id, String description, LocalDate dueOn, LocalDate closedOn) {
}
