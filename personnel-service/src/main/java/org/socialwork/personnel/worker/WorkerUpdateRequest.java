package org.socialwork.personnel.worker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The changeable identity fields of a worker; the ID number never changes once recorded. */
public record WorkerUpdateRequest(
        @Size(max = 64) String externalId,
        @NotBlank @Size(max = 100) String name,
        String phone,
        @NotNull Education education,
        @NotNull Boolean socialWorkDegree) {
}
