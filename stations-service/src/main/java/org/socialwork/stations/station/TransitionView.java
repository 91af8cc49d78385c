package org.socialwork.stations.station;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public record TransitionView(StationStatus from, StationStatus to, LocalDate effectiveDate, String reason,
        String changedBy, OffsetDateTime changedAt) {

    static TransitionView of(StationTransition t) {
        return new TransitionView(t.fromStatus, t.toStatus, t.effectiveDate, t.reason, t.changedBy, t.changedAt);
    }
}
