package org.socialwork.personnel.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One supervision session of a pairing. */
public record SessionRequest(@NotNull LocalDate heldOn, @NotNull @DecimalMin("0.5") @DecimalMax("24") BigDecimal hours,
        @NotBlank @Size(max = 300) String topic) {
}
