package org.socialwork.projects.project;

import java.time.LocalDate;
import java.util.UUID;

/** A tranche of the contract sum: planned with a condition (e.g. "after the mid-term evaluation"), then paid. */
public record Disbursement(UUID id, long amountFen, LocalDate plannedOn, String condition, LocalDate paidOn) {
}
