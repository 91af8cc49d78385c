package org.socialwork.personnel.worker;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Up to 1,000 workers of one agency, keyed by the agency's own external id: each is created,
 * updated or left unchanged on its own.
 */
public record WorkerBatchRequest(@NotNull UUID agencyId, @NotNull @Size(min = 1, max = 1000) List<Item> items) {

    /** One worker of the agency's HR system; its employment is with the batch's agency. */
    @Schema(name = "WorkerBatchItem", description = "One worker of the agency's HR system")
    public record Item(String externalId, String name, String idNumber, String phone, Education education,
            Boolean socialWorkDegree, Category category, String post, Integer grade, java.time.LocalDate employedFrom) {
    }
}
