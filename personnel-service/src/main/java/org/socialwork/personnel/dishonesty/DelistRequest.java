package org.socialwork.personnel.dishonesty;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Lifts a listing before it expires, with the reason (e.g. overturned on review). */
public record DelistRequest(@NotBlank @Size(max = 1000) String reason) {
}
