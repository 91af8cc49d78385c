package org.socialwork.stations.station;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Snapshot on {@code stations.station.v1}. The contact note is left out: it is free text that
 * may name a person, and events carry no personal data. {@code effectiveOn} is the business day
 * (Asia/Shanghai) from which this state holds: a transition's effective date, which may lie in the
 * past when a bureau records its history, or the day of the edit.
 */
public record StationChangedEvent(
        UUID id,
        long version,
        String name,
        StationLevel level,
        String regionCode,
        UUID parentId,
        StationStatus status,
        String address,
        LocalDate establishedOn,
        Facilities facilities,
        List<Designation> designations,
        OperationMode operationMode,
        UUID agencyId,
        PositionView position,
        Standard standard,
        boolean meetsStandard,
        boolean builtAndOperating,
        LocalDate effectiveOn,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String TOPIC = "stations.station.v1";
    public static final String TYPE = "org.socialwork.station.changed.v1";
}
