package org.socialwork.personnel.dishonesty;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Puts a worker on the dishonesty list from {@code listedOn}; it expires after the configured duration. */
public record ListingRequest(@NotBlank @Size(max = 1000) String reason, @NotNull LocalDate listedOn) {
}
