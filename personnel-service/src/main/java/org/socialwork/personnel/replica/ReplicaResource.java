package org.socialwork.personnel.replica;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.sql.NativeSql;

import io.quarkus.security.Authenticated;

/**
 * The stations and agencies this service has received from stations-service: lets an operator
 * (or the demo loader) see whether personnel has caught up before writing against them. Public
 * registry data only; no scope beyond authentication.
 */
@Path("/api/v1/replicas")
@Tag(name = "Replicas", description = "Stations and agencies as personnel-service knows them (fed by stations events)")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReplicaResource {

    private static final int MAX = 500;

    @Inject
    StationReplicaRepository stations;

    @Inject
    AgencyReplicaRepository agencies;

    @GET
    @Path("/stations")
    @Transactional
    @Operation(summary = "Replicated stations in a region subtree", description = "At most 500, ordered by region code.")
    public List<StationReplicaView> stations(@QueryParam("region") String region) {
        String code = requireRegion(region);
        return stations.list("regionCode >= ?1 and regionCode < ?2 order by regionCode, id", code, NativeSql.subtreeEnd(code))
                .stream().limit(MAX).map(StationReplicaView::of).toList();
    }

    @GET
    @Path("/agencies")
    @Transactional
    @Operation(summary = "Replicated agencies registered in a region subtree", description = "At most 500.")
    public List<AgencyReplicaView> agencies(@QueryParam("region") String region) {
        String code = requireRegion(region);
        return agencies.list("registrationRegion >= ?1 and registrationRegion < ?2 order by registrationRegion, id", code,
                NativeSql.subtreeEnd(code)).stream().limit(MAX).map(AgencyReplicaView::of).toList();
    }

    private static String requireRegion(String region) {
        if (region == null || !region.matches("\\d{2,12}")) {
            throw Problems.invalidField("region", "worker.query.invalid", "region", String.valueOf(region));
        }
        return region;
    }
}
