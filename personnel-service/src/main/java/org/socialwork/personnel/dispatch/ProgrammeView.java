package org.socialwork.personnel.dispatch;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.platform.web.Versioned;

/** A programme with its dispatches and totals, as the API and {@code personnel.dispatch.v1} show it. */
public record ProgrammeView(UUID id, long version, String name, int year, String sendingRegionCode, String sendingUnit,
        String receivingCountyCode, List<Dispatch> dispatches, int workersDispatched, int localTrainees,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {

    public static final String TOPIC = "personnel.dispatch.v1";
    public static final String TYPE = "org.socialwork.dispatch.changed.v1";

    @Schema(name = "ProgrammeDispatch")
    public record Dispatch(UUID workerId, LocalDate from, LocalDate to) {
    }
}
