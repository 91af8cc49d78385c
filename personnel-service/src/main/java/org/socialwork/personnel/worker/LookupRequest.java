package org.socialwork.personnel.worker;

import jakarta.validation.constraints.NotBlank;

/** Finds a worker by ID number; in a body because URLs end up in access logs. */
public record LookupRequest(@NotBlank String idNumber) {
}
