package org.socialwork.personnel.worker;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A qualification certificate to add to a worker's history. */
public record CertificateRequest(
        @NotBlank @Size(max = 64) String number,
        @NotNull QualificationLevel level,
        @NotNull LocalDate issuedOn,
        @NotBlank @Size(max = 200) String issuer,
        @NotNull Boolean registered) {
}
