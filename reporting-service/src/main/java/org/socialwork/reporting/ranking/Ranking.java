package org.socialwork.reporting.ranking;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.reporting.dashboard.DashboardViews.PeriodView;
import org.socialwork.reporting.dashboard.RegionRef;

/** A league table: child regions or stations ordered by a measure, with the rank of the previous period. */
public record Ranking(RegionRef region, PeriodView period, PeriodView previousPeriod, String subjects, String measure,
        String normalise, OffsetDateTime asOf, List<Row> rows) {

    /**
     * One ranked subject: its raw value, stations and workers (the normalisers), the value ranked
     * on, its rank (1 = best, ties share a rank) and its rank in the previous period (null if unranked).
     */
    @Schema(name = "RankingRow")
    public record Row(int rank, Integer previousRank, Integer rankChange, String id, String name, BigDecimal raw,
            long stations, long workers, BigDecimal value) {
    }
}
