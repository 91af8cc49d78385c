package org.socialwork.stations.station;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a station; nothing leaves CLOSED. */
public enum StationStatus {
    PLANNED, ESTABLISHED, OPERATING, SUSPENDED, CLOSED;

    public Set<StationStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ESTABLISHED, CLOSED);
            case ESTABLISHED -> EnumSet.of(OPERATING, CLOSED);
            case OPERATING -> EnumSet.of(SUSPENDED, CLOSED);
            case SUSPENDED -> EnumSet.of(OPERATING, CLOSED);
            case CLOSED -> EnumSet.noneOf(StationStatus.class);
        };
    }

    public boolean canBecome(StationStatus to) {
        return next().contains(to);
    }
}
