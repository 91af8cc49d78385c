package org.socialwork.personnel.departure;

import java.time.LocalDate;
import java.util.UUID;

public record DepartureView(UUID id, UUID workerId, UUID agencyId, LocalDate noticeDate, LocalDate plannedLeaveOn,
        UUID replacementWorkerId, LocalDate leftOn, String reason) {

    static DepartureView of(Departure d) {
        return new DepartureView(d.id, d.workerId, d.agencyId, d.noticeDate, d.plannedLeaveOn, d.replacementWorkerId,
                d.leftOn, d.reason);
    }
}
