package org.socialwork.personnel.assignment;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** Changes the role of an active assignment from a date; the change is a filing obligation. */
public record AssignmentChangeRequest(@NotNull AssignmentRole role, @NotNull LocalDate changedOn) {
}
