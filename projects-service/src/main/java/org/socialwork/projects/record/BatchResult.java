package org.socialwork.projects.record;

import java.util.List;
import java.util.UUID;

import org.socialwork.platform.problem.Problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a batch, item by item in the order sent. */
@Schema(name = "ServiceRecordBatchResult", description = "The answer to a batch: counts, then one item per record in the order sent")
public record BatchResult(int created, int unchanged, int refused, List<Item> items) {

    /** CREATED: new; UNCHANGED: a record with this id exists (a retried sync); REFUSED: see problem. */
    @Schema(name = "ServiceRecordBatchStatus", description = "CREATED: new; UNCHANGED: a record with this id exists; REFUSED: see problem")
    public enum Status {
        CREATED, UNCHANGED, REFUSED
    }

    @Schema(name = "ServiceRecordBatchItem", description = "The answer for one record of the batch")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID id, Status status, Integer revision, Problem problem) {
    }
}
