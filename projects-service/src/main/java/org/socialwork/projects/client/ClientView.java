package org.socialwork.projects.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.platform.web.Versioned;

/** A client as the API shows it: ID number and phone masked unless the caller may see them. */
public record ClientView(UUID id, long version, String name,
        @Schema(description = "Masked (3304**********1234) unless the caller holds personal-data") String idNumber,
        @Schema(description = "Masked (138****5678) unless the caller holds personal-data") String phone,
        boolean masked, String gender, LocalDate birthDate, String villageRegionCode, List<ClientCategory> categories,
        RiskLevel riskLevel, int requiredVisitsPerMonth, UUID stationId, UUID responsibleWorkerId, String assessment,
        ServicePlan plan, ClientStatus status, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {
}
