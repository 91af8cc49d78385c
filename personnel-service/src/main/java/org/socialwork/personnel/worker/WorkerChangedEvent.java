package org.socialwork.personnel.worker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Snapshot on {@code personnel.worker.v1}: only what reporting and projects need. No name, ID
 * number, phone, gender or birth date: events carry no personal data.
 */
public record WorkerChangedEvent(
        UUID id,
        long version,
        UUID employerAgencyId,
        Category category,
        String post,
        Integer grade,
        LocalDate employedFrom,
        LocalDate employedUntil,
        QualificationLevel qualificationLevel,
        boolean registered,
        WorkerStatus status,
        List<StationAssignmentSummary> stationAssignments,
        boolean dishonestyListed,
        LocalDate dishonestyListedUntil,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String TOPIC = "personnel.worker.v1";
    public static final String TYPE = "org.socialwork.worker.changed.v1";
}
