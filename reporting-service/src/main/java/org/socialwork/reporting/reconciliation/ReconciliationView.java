package org.socialwork.reporting.reconciliation;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.reporting.dashboard.DashboardViews.PeriodView;
import org.socialwork.reporting.dashboard.RegionRef;

/** The read models compared with what the producers hold, figure by figure. */
@Schema(name = "Reconciliation", description = "Every figure of the producers' source totals beside reporting's own")
public record ReconciliationView(
        RegionRef region,
        PeriodView period,
        @Schema(description = "True when every producer answered and every figure matches") boolean consistent,
        @Schema(description = "Time of the newest event applied to reporting's read models", nullable = true)
        OffsetDateTime reportingAsOf,
        @Schema(description = "One entry per producer: whether it answered, and when it counted") List<SourceStatus> sources,
        @Schema(description = "The figures, producer by producer") List<Figure> figures) {

    /** Whether a producer answered. */
    @Schema(name = "ReconciliationSourceStatus")
    public enum Status {
        /** It answered with its totals. */
        OK,
        /** It could not be reached or did not answer in time (after one retry), or failed. */
        UNAVAILABLE,
        /** It refused the caller (e.g. the region is outside the caller's scope there). */
        REFUSED
    }

    @Schema(name = "ReconciliationSource", description = "A producer's part in the reconciliation")
    public record SourceStatus(
            @Schema(example = "projects-service") String service,
            Status status,
            @Schema(description = "When the producer counted (its clock); null unless OK", nullable = true) OffsetDateTime asOf,
            @Schema(description = "Why it is not OK", nullable = true) String detail) {
    }

    @Schema(name = "ReconciliationFigure", description = "One measure: the producer's count, reporting's and the difference")
    public record Figure(
            @Schema(example = "projects-service") String service,
            @Schema(example = "serviceRecords.byType.VISIT") String measure,
            @Schema(description = "The producer's value; null when it did not answer", nullable = true) Long source,
            @Schema(description = "reporting's value from its read models") long reporting,
            @Schema(description = "reporting − source; null when the producer did not answer", nullable = true) Long difference,
            @Schema(description = "True when both agree") boolean ok) {
    }
}
