package org.socialwork.projects.client;

import jakarta.validation.constraints.NotBlank;

/** Finds a client by ID number: in a body, never in a URL (URLs end up in logs). */
public record ClientLookupRequest(@NotBlank String idNumber) {
}
