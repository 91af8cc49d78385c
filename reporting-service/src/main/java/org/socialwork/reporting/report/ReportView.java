package org.socialwork.reporting.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;
import org.socialwork.reporting.dashboard.PeriodType;

/** A report as the API shows it; the ETag is its version. */
public record ReportView(UUID id, String regionCode, PeriodType periodType, LocalDate periodStart, LocalDate periodEnd,
        ReportStatus status, String narrative, ReportFigures figures, LocalDate dueOn, String createdBy,
        OffsetDateTime createdAt, OffsetDateTime submittedAt, OffsetDateTime approvedAt, String approvedBy,
        List<Review> reviews, long version, OffsetDateTime updatedAt) implements Versioned {

    static ReportView of(Report r) {
        return new ReportView(r.id, r.regionCode, r.periodType, r.periodStart, r.periodEnd, r.status, r.narrative,
                r.figures, r.dueOn, r.createdBy, r.createdAt, r.submittedAt, r.approvedAt, r.approvedBy,
                List.copyOf(r.reviews), r.version, r.updatedAt);
    }
}
