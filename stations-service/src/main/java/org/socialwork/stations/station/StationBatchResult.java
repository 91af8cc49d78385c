package org.socialwork.stations.station;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.platform.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a station batch: the counts, then one entry per item in the order sent. */
@Schema(name = "StationBatchResult", description = "Counts, then one result per item in the order sent")
public record StationBatchResult(int created, int updated, int unchanged, int refused, List<ItemResult> items) {

    @Schema(name = "StationBatchOutcome", description = "CREATED: new; UPDATED: changed; UNCHANGED: already as sent "
            + "(nothing written or published); REFUSED: see problem")
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REFUSED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StationBatchItemResult", description = "The answer to one item; problem only when REFUSED")
    public record ItemResult(int index, String externalId, Outcome status, UUID stationId, Long version, Problem problem) {
    }
}
