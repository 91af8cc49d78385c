package org.socialwork.reporting.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.reporting.dashboard.PeriodType;

/** Which counties below a region submitted a period's report on time, late, or not at all. */
public record Timeliness(String regionCode, PeriodType periodType, LocalDate periodStart, LocalDate periodEnd,
        LocalDate dueOn, long onTime, long late, long missing, List<County> counties) {

    /** One county's filing. */
    @Schema(name = "CountyFiling")
    public record County(String code, String name, String filing, OffsetDateTime submittedAt, String reportStatus) {
    }
}
