package org.socialwork.stations.station;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.socialwork.platform.web.QueryParams;

/**
 * The filters the station list and its CSV export share. They arrive as text and are parsed here,
 * so that a malformed one is a 400 problem naming the parameter rather than JAX-RS's bare 404.
 */
public class StationFilterParams {

    @Parameter(description = "Only stations in this division's subtree: a division code (2, 4, 6, 9 or 12 digits)",
            schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN), example = "330481")
    @QueryParam("region")
    public String region;

    @Parameter(description = "Only stations of this level", schema = @Schema(implementation = StationLevel.class))
    @QueryParam("level")
    public String level;

    @Parameter(description = "Only stations in this status", schema = @Schema(implementation = StationStatus.class))
    @QueryParam("status")
    public String status;

    @Parameter(description = "Only stations holding a designation of this kind (pilot 试点, demonstration 示范)",
            schema = @Schema(implementation = Designation.Kind.class))
    @QueryParam("designation")
    public String designation;

    @Parameter(description = "Only stations run by this agency (id)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("agency")
    public String agency;

    @Parameter(description = "true: only stations meeting the building standard; false: only those that do not",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @QueryParam("meetsStandard")
    public String meetsStandard;

    @Parameter(description = "Only stations changed at or after this instant (ISO-8601 with offset): a change feed",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2026-06-01T00:00:00+08:00")
    @QueryParam("updatedSince")
    public String updatedSince;

    StationService.Filter toFilter() {
        return new StationService.Filter(QueryParams.regionPrefix(region, "region"),
                QueryParams.enumValue(StationLevel.class, level, "level"),
                QueryParams.enumValue(StationStatus.class, status, "status"),
                QueryParams.enumValue(Designation.Kind.class, designation, "designation"),
                QueryParams.uuid(agency, "agency"), QueryParams.bool(meetsStandard, "meetsStandard"),
                QueryParams.timestamp(updatedSince, "updatedSince"));
    }
}
