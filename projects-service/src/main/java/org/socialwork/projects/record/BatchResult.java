package org.socialwork.projects.record;

import java.util.List;
import java.util.UUID;

import org.socialwork.platform.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a batch, item by item in the order sent. */
public record BatchResult(int created, int unchanged, int refused, List<Item> items) {

    /** CREATED: new; UNCHANGED: a record with this id exists (a retried sync); REFUSED: see problem. */
    public enum Status {
        CREATED, UNCHANGED, REFUSED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID id, Status status, Integer revision, Problem problem) {
    }
}
