package org.socialwork.projects.need;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a need goes: a station, a worker actively assigned there, and the day it is due. */
@Schema(description = "Where a need goes: a station, a worker actively assigned there, and the day it is due.")
public record NeedDispatchRequest(@NotNull UUID stationId, @NotNull UUID workerId, @NotNull LocalDate dueOn) {
}
