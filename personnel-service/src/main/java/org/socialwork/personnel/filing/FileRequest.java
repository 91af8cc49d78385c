package org.socialwork.personnel.filing;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** Records that the change was filed with the bureau on {@code filedOn}. */
public record FileRequest(@NotNull LocalDate filedOn) {
}
