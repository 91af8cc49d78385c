package org.socialwork.personnel.worker;

import java.time.LocalDate;
import java.util.UUID;

/** An active station assignment as the worker view and the worker event summarise it. */
public record StationAssignmentSummary(UUID assignmentId, UUID stationId, String role, boolean fullTime, LocalDate from) {
}
