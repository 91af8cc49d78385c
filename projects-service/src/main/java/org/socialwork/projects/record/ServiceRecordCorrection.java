package org.socialwork.projects.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The corrected record as a whole (its id and station stay).")
public record ServiceRecordCorrection(
        @NotNull RecordType type,
        @NotNull OffsetDateTime occurredAt,
        @NotNull @Min(1) @Max(1440) Integer durationMinutes,
        UUID projectId,
        @Size(max = 20) List<@NotNull UUID> workerIds,
        @Size(max = 200) List<@NotNull UUID> clientIds,
        @PositiveOrZero @Max(100000) Integer participantCount,
        @NotEmpty @Size(max = 20) List<@NotNull String> serviceItems,
        UUID caseId,
        UUID needId,
        @Valid Position position,
        @Size(max = 4000) String notes) {

    ServiceRecordRequest asRequest(UUID id, UUID stationId) {
        return new ServiceRecordRequest(id, type, occurredAt, durationMinutes, stationId, projectId, workerIds, clientIds,
                participantCount, serviceItems, caseId, needId, position, notes);
    }
}
