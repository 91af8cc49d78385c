package org.socialwork.personnel.dispatch;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** The period a worker is dispatched for, within the programme year. */
public record DispatchRequest(@NotNull LocalDate from, @NotNull LocalDate to) {
}
