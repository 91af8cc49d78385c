package org.socialwork.personnel.worker;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.platform.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a batch: one entry per item, in the order sent, and the counts. */
public record WorkerBatchResult(int created, int updated, int unchanged, int rejected, List<ItemResult> items) {

    @Schema(name = "WorkerBatchOutcome")
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WorkerBatchItemResult", description = "The answer to one item; problem only when REJECTED")
    public record ItemResult(int index, String externalId, Outcome status, UUID workerId, Long version, Problem problem) {
    }
}
