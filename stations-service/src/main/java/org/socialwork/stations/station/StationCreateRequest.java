package org.socialwork.stations.station;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new station; it starts PLANNED.")
public record StationCreateRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull StationLevel level,
        @NotBlank @Schema(description = "Division code of the level's region (city, county, township or village)", example = "330481001")
        String regionCode,
        UUID parentId,
        @Size(max = 500) String address,
        @Size(max = 500) @Schema(description = "How to reach the station; no phone numbers") String contactNote,
        LocalDate establishedOn,
        @Valid Facilities facilities,
        @Size(max = 50) List<@NotNull @Valid Designation> designations,
        @NotNull OperationMode operationMode,
        @Schema(description = "Operating agency; required for PURCHASED_SERVICE, forbidden for GOVERNMENT_RUN")
        UUID agencyId,
        @Valid Position position) {
}
