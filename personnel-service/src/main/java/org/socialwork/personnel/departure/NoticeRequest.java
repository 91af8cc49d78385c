package org.socialwork.personnel.departure;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A resignation notice. The planned leave date must lie at least the minimum notice (30 days)
 * after the notice date unless a replacement worker of the same agency is named, and at most the
 * maximum (two months) after it.
 */
public record NoticeRequest(@NotNull LocalDate noticeDate, @NotNull LocalDate plannedLeaveOn,
        UUID replacementWorkerId, @Size(max = 500) String reason) {
}
