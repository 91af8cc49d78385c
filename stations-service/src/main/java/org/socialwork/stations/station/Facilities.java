package org.socialwork.stations.station;

import java.math.BigDecimal;
import java.util.Set;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

public record Facilities(
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal floorAreaM2,
        Set<Room> rooms,
        Set<CoLocation> coLocations) {
}
