package org.socialwork.projects.project;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** Marks a planned tranche as paid. */
public record PaymentRequest(@NotNull LocalDate paidOn) {
}
