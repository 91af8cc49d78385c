package org.socialwork.projects.project;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@org.eclipse.microprofile.openapi.annotations.media.Schema(description = "A planned tranche; all tranches together never exceed the budget.")
public record DisbursementRequest(@NotNull @Positive Long amountFen, @NotNull LocalDate plannedOn,
        @Size(max = 200) String condition) {
}
