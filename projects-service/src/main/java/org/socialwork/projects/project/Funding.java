package org.socialwork.projects.project;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** One funding source's part of the budget, in fen. */
public record Funding(@NotNull FundingSource source, @NotNull @PositiveOrZero Long amountFen) {
}
