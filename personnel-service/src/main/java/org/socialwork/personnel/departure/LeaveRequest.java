package org.socialwork.personnel.departure;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** The worker's last day; every active assignment ends on it. */
public record LeaveRequest(@NotNull LocalDate leftOn) {
}
