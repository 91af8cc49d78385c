package org.socialwork.projects.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.platform.web.Versioned;

/** A case with its sessions (the ids of the service records that name it). */
public record CaseView(UUID id, long version, UUID clientId, UUID workerId, UUID stationId, List<String> problemAreas,
        String plan, CaseStatus status, Referral referral, String outcome, LocalDate openedOn, LocalDate closedOn,
        List<UUID> sessionRecordIds, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {

    @Schema(name = "CaseReferral", description = "Where and why the case was referred")
    public record Referral(UUID toStationId, UUID toAgencyId, String reason, LocalDate referredOn) {
    }
}
