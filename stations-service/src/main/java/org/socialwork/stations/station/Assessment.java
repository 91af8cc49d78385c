package org.socialwork.stations.station;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Whether one building-standard criterion is met, on what evidence, assessed when. */
public record Assessment(@NotNull Boolean met, @Size(max = 2000) String evidence, @NotNull LocalDate assessedOn) {
}
