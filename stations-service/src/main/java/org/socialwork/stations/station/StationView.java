package org.socialwork.stations.station;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;

public record StationView(
        UUID id,
        String name,
        StationLevel level,
        String regionCode,
        String regionName,
        UUID parentId,
        StationStatus status,
        String address,
        String contactNote,
        LocalDate establishedOn,
        Facilities facilities,
        List<Designation> designations,
        OperationMode operationMode,
        UUID agencyId,
        String agencyName,
        PositionView position,
        Standard standard,
        boolean meetsStandard,
        boolean builtAndOperating,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements Versioned {
}
