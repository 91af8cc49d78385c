package org.socialwork.personnel.assignment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.personnel.worker.Category;
import org.socialwork.platform.web.Versioned;

/** An assignment as the API and the {@code personnel.assignment.v1} snapshot show it. */
public record AssignmentView(
        UUID id,
        long version,
        UUID workerId,
        UUID stationId,
        String stationRegionCode,
        UUID employerAgencyId,
        Category category,
        AssignmentRole role,
        boolean fullTime,
        LocalDate from,
        LocalDate to,
        AssignmentStatus status,
        FilingSummary filing,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements Versioned {

    public static final String TOPIC = "personnel.assignment.v1";
    public static final String TYPE = "org.socialwork.assignment.changed.v1";

    /** The latest filing of the assignment: null until it is filed. */
    @Schema(name = "AssignmentFilingSummary")
    public record FilingSummary(LocalDate filedOn, int daysAfterChange, boolean late) {
    }
}
