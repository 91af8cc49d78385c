package org.socialwork.stations.station;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pilot (试点) or demonstration (示范) title awarded at some government level in some year. */
public record Designation(@NotNull Kind kind, @NotNull Level level, @NotNull @Min(2000) @Max(2100) Integer year) {

    @Schema(name = "DesignationKind", description = "PILOT (试点) or DEMONSTRATION (示范)")
    public enum Kind {
        PILOT, DEMONSTRATION
    }

    @Schema(name = "DesignationLevel", description = "The government level that awarded the title: provincial, municipal or county")
    public enum Level {
        PROVINCIAL, MUNICIPAL, COUNTY
    }
}
