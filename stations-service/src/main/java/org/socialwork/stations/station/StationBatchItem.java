package org.socialwork.stations.station;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One station of a migrating system: the fields of a creation, its standard and its status. Level
 * and region are fixed once the station exists; the rest replaces what is stored.
 */
@Schema(name = "StationBatchItem", description = "One station of the caller's system, keyed by its externalId")
public record StationBatchItem(
        @NotBlank @Size(max = 64) @Schema(description = "The caller's own id of the station; unique within the caller's scope "
                + "(a bureau's region, or the platform)", example = "HN-ZJ-0001") String externalId,
        @NotBlank @Size(max = 200) String name,
        @NotNull StationLevel level,
        @NotBlank @Schema(description = "Division code of the level's region", example = "330481001") String regionCode,
        @Schema(description = "The parent station by id; or give parentExternalId") UUID parentId,
        @Size(max = 64) @Schema(description = "The parent station by the caller's externalId: one stored before, or an "
                + "earlier item of the same batch") String parentExternalId,
        @Size(max = 500) String address,
        @Size(max = 500) @Schema(description = "How to reach the station; no phone numbers") String contactNote,
        @Schema(description = "Absent: kept as stored (a transition to ESTABLISHED sets it)") LocalDate establishedOn,
        @Valid Facilities facilities,
        @Size(max = 50) List<@NotNull @Valid Designation> designations,
        @NotNull OperationMode operationMode,
        @Schema(description = "Operating agency; required for PURCHASED_SERVICE, forbidden for GOVERNMENT_RUN") UUID agencyId,
        @Valid Position position,
        @Valid @Schema(description = "The building-standard assessment; absent: kept as stored") Standard standard,
        @Valid @Schema(description = "The status to reach, through the transitions a bureau would record one by one "
                + "(e.g. PLANNED → ESTABLISHED → OPERATING), each effective on effectiveDate (ESTABLISHED on establishedOn "
                + "when that is earlier); absent: kept as stored") TransitionRequest status) {

    StationCreateRequest toCreate(UUID parent) {
        return new StationCreateRequest(name, level, regionCode, parent, address, contactNote, establishedOn, facilities,
                designations, operationMode, agencyId, position);
    }

    StationUpdateRequest toUpdate(UUID parent, LocalDate established) {
        return new StationUpdateRequest(name, parent, address, contactNote, established, facilities, designations,
                operationMode, agencyId, position);
    }
}
