package org.socialwork.personnel.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.platform.web.Versioned;

/** A training with its attendance, as the API and the {@code personnel.training.v1} snapshot show it. */
public record TrainingView(UUID id, long version, String title, TrainingType type, String provider,
        String organizerRegionCode, BigDecimal hours, LocalDate startsOn, LocalDate endsOn, List<Attendance> attendance,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {

    public static final String TOPIC = "personnel.training.v1";
    public static final String TYPE = "org.socialwork.training.changed.v1";

    @Schema(name = "TrainingAttendance")
    public record Attendance(UUID workerId, BigDecimal hours, boolean completed) {
    }
}
