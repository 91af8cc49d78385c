package org.socialwork.reporting.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.reporting.dashboard.PeriodType;

/** Requests of the report workflow. */
public final class ReportRequests {

    private ReportRequests() {
    }

    /** A new report of a county for a week ({@code 2024-W36}), month ({@code 2024-09}) or quarter ({@code 2024-Q3}). */
    @Schema(name = "ReportCreateRequest")
    public record Create(@NotNull @Pattern(regexp = "\\d{6}") String regionCode, @NotNull PeriodType periodType,
            @NotBlank @Size(max = 10) String period, @NotNull @Size(max = 20000) String narrative) {
    }

    /** A new narrative; the figures are compiled again. */
    @Schema(name = "ReportUpdateRequest")
    public record Update(@NotNull @Size(max = 20000) String narrative) {
    }

    /** A review decision; returning needs a comment. */
    @Schema(name = "ReportDecision")
    public record Decision(@NotNull Verdict decision, @Size(max = 4000) String comment) {
    }

    /** What a reviewer decides. */
    @Schema(name = "ReportVerdict")
    public enum Verdict {
        APPROVE, RETURN
    }

    /** Why an approved period is reopened. */
    @Schema(name = "ReportReopenRequest")
    public record Reopen(@NotBlank @Size(max = 4000) String comment) {
    }
}
