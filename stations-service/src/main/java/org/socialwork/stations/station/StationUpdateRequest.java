package org.socialwork.stations.station;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Profile of a station; level and region are fixed, status and standard have their own endpoints. */
@Schema(description = "Profile fields of a station (full replacement).")
public record StationUpdateRequest(
        @NotBlank @Size(max = 200) String name,
        UUID parentId,
        @Size(max = 500) String address,
        @Size(max = 500) String contactNote,
        LocalDate establishedOn,
        @Valid Facilities facilities,
        @Size(max = 50) List<@NotNull @Valid Designation> designations,
        @NotNull OperationMode operationMode,
        UUID agencyId,
        @Valid Position position) {
}
