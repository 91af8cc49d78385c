package org.socialwork.reporting.report;

import java.time.OffsetDateTime;

import org.socialwork.reporting.dashboard.DashboardViews.Compliance;
import org.socialwork.reporting.dashboard.DashboardViews.Coverage;
import org.socialwork.reporting.dashboard.DashboardViews.Figures;

/** The figures a report was compiled from, frozen when compiled (asOf names the read models' state). */
public record ReportFigures(OffsetDateTime asOf, Figures serviceOutput, Coverage coverage, long operatingStations,
        Compliance visitCompliance) {
}
