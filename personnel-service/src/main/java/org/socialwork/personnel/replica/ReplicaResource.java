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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;

import io.quarkus.security.Authenticated;

/**
 * The stations and agencies this service has received from stations-service: lets an operator
 * (or the demo loader) see whether personnel has caught up before writing against them.
 */
@Path("/api/v1/replicas")
@Tag(name = "Replicas", description = "Stations and agencies as personnel-service knows them (fed by stations events)")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReplicaResource {

    @Inject
    ReplicaService service;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/stations")
    @Operation(summary = "Replicated stations in a region subtree",
            description = "Scoped as in stations-service (an agency admin sees the stations it runs); ordered by region "
                    + "code, keyset-paginated (limit ≤ 200, default 50; follow `next`). Region defaults to the caller's.")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Page<StationReplicaView> stations(@QueryParam("region") String region, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return service.stations(region, PageRequest.of(limit, cursor, 2), uriInfo);
    }

    @GET
    @Path("/agencies")
    @Operation(summary = "Replicated agencies registered in a region subtree",
            description = "Scoped as in stations-service (an agency admin sees its own agency; field workers, evaluators "
                    + "and dashboards may not list agencies); keyset-paginated "
                    + "(limit ≤ 200, default 50; follow `next`). Region defaults to the caller's.")
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public Page<AgencyReplicaView> agencies(@QueryParam("region") String region, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return service.agencies(region, PageRequest.of(limit, cursor, 2), uriInfo);
    }
}
