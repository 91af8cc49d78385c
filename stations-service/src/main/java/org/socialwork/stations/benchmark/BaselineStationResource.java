package org.socialwork.stations.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.sql.BareRows;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The bare counterparts of the station endpoints for deploy/bench/api.sh: the same SQL over plain
 * JDBC, written as JSON, with nothing else (no token, no scope check, no entity mapping, no ETag,
 * no outbox row). Built only into the bench profile's jars ({@code -Dquarkus.profile=bench}),
 * never into the production jar.
 */
@IfBuildProfile("bench")
@Path("/bench/baseline/stations")
public class BaselineStationResource {

    private static final String SELECT = """
            select s.*, r.name as region_name, a.name as agency_name
            from station s join region r on r.code = s.region_code left join agency a on a.id = s.agency_id
            where s.id = ?""";

    /** The list's first page as StationService.page builds it for a region filter, names joined as its view adds them. */
    private static final String PAGE = """
            select s.*, r.name as region_name, a.name as agency_name
            from station s join region r on r.code = s.region_code left join agency a on a.id = s.agency_id
            where s.region_code >= ? and s.region_code < ? order by s.updated_at, s.id limit ?""";

    private static final String INSERT = """
            insert into station (id, name, level, region_code, status, operation_mode, version, created_at, updated_at)
            values (?, ?, ?, ?, 'PLANNED', ?, 1, ?, ?)""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> get(@PathParam("id") UUID id) throws SQLException {
        List<Map<String, Object>> rows = BareRows.query(dataSource, SELECT, id);
        if (rows.isEmpty()) {
            throw Problems.notFound("station", id);
        }
        return rows.get(0);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> list(@QueryParam("region") String region, @QueryParam("limit") @DefaultValue("50") int limit)
            throws SQLException {
        List<Map<String, Object>> rows = BareRows.query(dataSource, PAGE, region, NativeSql.subtreeEnd(region), limit + 1);
        return Map.of("items", rows.size() > limit ? rows.subList(0, limit) : rows);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response create(Map<String, Object> body) throws SQLException {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, id);
            statement.setString(2, (String) body.get("name"));
            statement.setString(3, (String) body.get("level"));
            statement.setString(4, (String) body.get("regionCode"));
            statement.setString(5, (String) body.get("operationMode"));
            statement.setTimestamp(6, now);
            statement.setTimestamp(7, now);
            statement.executeUpdate();
        }
        return Response.status(201).entity(Map.of("id", id.toString())).type(MediaType.APPLICATION_JSON).build();
    }
}
