package org.socialwork.projects.casework;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of casework. */
public final class CaseRequests {

    private CaseRequests() {
    }

    public record Open(@NotNull UUID clientId, @NotNull UUID workerId,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 60) String> problemAreas, @Size(max = 4000) String plan) {
    }

    public record Referral(UUID toStationId, UUID toAgencyId, @NotBlank @Size(max = 1000) String reason) {
    }

    public record Closure(@NotBlank @Size(max = 2000) String outcome) {
    }
}
