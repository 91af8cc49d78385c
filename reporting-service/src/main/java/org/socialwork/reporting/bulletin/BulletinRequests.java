package org.socialwork.reporting.bulletin;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests of the monthly bulletin. */
public final class BulletinRequests {

    private BulletinRequests() {
    }

    /**
     * A bulletin of a province or city bureau for a month ({@code 2024-09}); without measures it
     * ranks visits per operating station and township coverage. Comments are keyed by child region code.
     */
    @Schema(name = "BulletinCreateRequest")
    public record Create(@NotNull @Pattern(regexp = "\\d{2}|\\d{4}") String regionCode,
            @NotNull @Pattern(regexp = "\\d{4}-\\d{2}") String month, @Size(max = 8) List<@Valid @NotNull MeasureSpec> measures,
            @Size(max = 200) Map<@NotBlank String, @NotNull @Size(max = 4000) String> comments,
            @Size(max = 20000) String summary) {
    }

    /** What to rank on: a measure of GET /api/v1/rankings and its normaliser (NONE when absent). */
    @Schema(name = "BulletinMeasure")
    public record MeasureSpec(@NotBlank @Size(max = 40) String measure, @Size(max = 20) String normalise) {
    }

    /** New comments (replacing all) and/or a new summary; an absent field stays as it is. */
    @Schema(name = "BulletinUpdateRequest")
    public record Update(@Size(max = 200) Map<@NotBlank String, @NotNull @Size(max = 4000) String> comments,
            @Size(max = 20000) String summary) {
    }
}
