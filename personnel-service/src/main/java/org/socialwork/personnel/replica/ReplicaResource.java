package org.socialwork.personnel.replica;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

/**
 * The stations and agencies this service has received from stations-service: lets an operator
 * (or the demo loader) see whether personnel has caught up before writing against them.
 */
@Path("/api/v1/replicas")
@Tag(name = "Replicas", description = "Stations and agencies as personnel-service knows them, fed by stations events (社工站与社工机构副本)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReplicaResource {

    static final String REGION = "A division code of 2 to 12 digits (e.g. 330481), inside your own region; defaults to yours "
            + "(nationwide for a platform admin)";
    static final String LIMIT = "Page size, 1 to 200 (default 50)";
    static final String CURSOR = "The nextCursor of the previous page; absent for the first page";

    @Inject
    ReplicaService service;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/stations")
    @Operation(operationId = "listStationReplicas", summary = "Replicated stations in a region subtree (已同步的社工站)",
            description = "Scoped as in stations-service (an agency admin sees the stations it runs); ordered by region "
                    + "code, keyset-paginated (limit ≤ 200, default 50; follow `next`). Region defaults to the caller's. "
                    + "Lets an operator see whether personnel-service has caught up before writing against a station.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "region is not a division code, limit outside 1–200, or a bad cursor")
    @APIResponse(responseCode = "403", description = "Your role has no station list here (dashboard)")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Page<StationReplicaView> stations(
            @Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN),
                    example = "330481") @QueryParam("region") String region,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "200", defaultValue = "50")) @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        return service.stations(region, PageRequest.of(limit, cursor, 2), uriInfo);
    }

    @GET
    @Path("/agencies")
    @Operation(operationId = "listAgencyReplicas", summary = "Replicated agencies registered in a region subtree (已同步的社工机构)",
            description = "Scoped as in stations-service (an agency admin sees its own agency; field workers, evaluators "
                    + "and dashboards may not list agencies); keyset-paginated "
                    + "(limit ≤ 200, default 50; follow `next`). Region defaults to the caller's.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "region is not a division code, limit outside 1–200, or a bad cursor")
    @APIResponse(responseCode = "403", description = "Your role may not list agencies (field-worker, evaluator, dashboard)")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Page<AgencyReplicaView> agencies(
            @Parameter(description = REGION, schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN),
                    example = "330481") @QueryParam("region") String region,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "200", defaultValue = "50")) @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        return service.agencies(region, PageRequest.of(limit, cursor, 2), uriInfo);
    }
}
