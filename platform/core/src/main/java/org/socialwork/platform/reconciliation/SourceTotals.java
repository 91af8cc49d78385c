package org.socialwork.platform.reconciliation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.platform.time.CalendarPeriod;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a producing service holds in its own tables for one region subtree (and period), counted
 * the way reporting-service's rollups count it: the answer of each producer's
 * {@code GET /api/v1/admin/source-totals}, and what reporting's reconciliation reads back.
 */
@Schema(description = "Totals counted from a producing service's own tables (the source of truth)")
public record SourceTotals(
        @Schema(description = "The service that counted", example = "projects-service") String source,
        @Schema(description = "Division code of the region subtree counted; null for the whole country", example = "330481",
                nullable = true) String region,
        // Left out of the JSON for a count of the current state, so the schema needs no nullable reference.
        @Schema(description = "The days counted, for totals of a period; absent for a count of the current state")
        @JsonInclude(JsonInclude.Include.NON_NULL) Period period,
        @Schema(description = "When the count was taken (the producer's clock)") OffsetDateTime asOf,
        @Schema(description = "The figures; a measure absent here is zero") List<Total> totals) {

    /** The days a count covers. */
    @Schema(name = "SourcePeriod", description = "The business days counted (China's calendar), both inclusive")
    public record Period(
            @Schema(description = "DAY, WEEK, MONTH, QUARTER, YEAR or RANGE", example = "MONTH") String type,
            @Schema(example = "2026-11-01") LocalDate start,
            @Schema(example = "2026-11-30") LocalDate end) {

        public static Period of(CalendarPeriod period) {
            return period == null ? null : new Period(period.kind().name(), period.start(), period.end());
        }
    }

    /** One figure: a measure name and its value. */
    @Schema(name = "SourceTotal", description = "One figure of the source totals")
    public record Total(
            @Schema(description = "Name of the measure, e.g. stations, stations.byStatus.OPERATING, serviceRecords.byType.VISIT",
                    example = "serviceRecords.byType.VISIT") String measure,
            @Schema(example = "236") long value) {
    }

    /** The figures as a map by measure. */
    public Map<String, Long> byMeasure() {
        Map<String, Long> map = new LinkedHashMap<>();
        if (totals != null) {
            totals.forEach(t -> map.merge(t.measure(), t.value(), Long::sum));
        }
        return map;
    }

    /** Totals from a map by measure, in its order. */
    public static List<Total> of(Map<String, Long> byMeasure) {
        return byMeasure.entrySet().stream().map(e -> new Total(e.getKey(), e.getValue())).toList();
    }
}
