package org.socialwork.personnel.worker;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new worker; gender and birth date are derived from the ID number, never sent. */
public record WorkerCreateRequest(
        @Schema(description = "The employer's own id of the worker (HR system key)", example = "HR-0042") @Size(max = 64) String externalId,
        @NotBlank @Size(max = 100) String name,
        @Schema(description = "18-character resident ID number; check character validated", example = "330481199003150027") @NotBlank String idNumber,
        @Schema(description = "Mainland mobile number", example = "13812345678") String phone,
        @NotNull Education education,
        @NotNull Boolean socialWorkDegree,
        @Valid EmploymentRequest employment) {
}
