package org.socialwork.stations.station;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A pilot (试点) or demonstration (示范) title awarded at some government level in some year. */
public record Designation(@NotNull Kind kind, @NotNull Level level, @NotNull @Min(2000) @Max(2100) Integer year) {

    public enum Kind {
        PILOT, DEMONSTRATION
    }

    public enum Level {
        PROVINCIAL, MUNICIPAL, COUNTY
    }
}
