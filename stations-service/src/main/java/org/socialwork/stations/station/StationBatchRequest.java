package org.socialwork.stations.station;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Up to 1,000 stations keyed by the caller's external ids. The items are read one by one after the
 * body parsed, so that one malformed item is refused on its own instead of failing the whole body.
 */
@Schema(description = "Up to 1,000 stations (stations.batch.max-items), each answered on its own")
public record StationBatchRequest(
        @NotNull @Size(min = 1)
        @Schema(type = SchemaType.ARRAY, implementation = StationBatchItem.class, minItems = 1, maxItems = 1000)
        List<JsonNode> items) {
}
