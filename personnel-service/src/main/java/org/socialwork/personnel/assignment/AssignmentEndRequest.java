package org.socialwork.personnel.assignment;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** Ends an assignment on a date (its last day); the end is a filing obligation. */
public record AssignmentEndRequest(@NotNull LocalDate to) {
}
