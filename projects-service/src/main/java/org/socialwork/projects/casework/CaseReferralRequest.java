package org.socialwork.projects.casework;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Refers a case to another station, another agency, or both. */
@Schema(description = "Where the case is referred (a station, an agency or both; at least one) and why")
public record CaseReferralRequest(UUID toStationId, UUID toAgencyId, @NotBlank @Size(max = 1000) String reason) {
}
