package org.socialwork.personnel.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pairing with its sessions and their total hours. */
public record SupervisionView(UUID id, UUID supervisorId, UUID workerId, UUID stationId, String regionCode,
        LocalDate from, LocalDate to, List<Session> sessions, BigDecimal totalHours) {

    @Schema(name = "SupervisionSession")
    public record Session(UUID id, LocalDate heldOn, BigDecimal hours, String topic) {
    }
}
