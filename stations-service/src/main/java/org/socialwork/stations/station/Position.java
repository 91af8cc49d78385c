package org.socialwork.stations.station;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A point as the client measured it; it must lie roughly in China. */
public record Position(
        @NotNull @DecimalMin("3") @DecimalMax("54") Double latitude,
        @NotNull @DecimalMin("73") @DecimalMax("136") Double longitude,
        @NotNull @Schema(description = "WGS84 (GPS) or GCJ02 (Chinese web maps)") Crs crs) {
}
