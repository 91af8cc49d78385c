package org.socialwork.stations.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.socialwork.platform.problem.Problems;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The baseline of the GET-by-id benchmark: the station row with its region and agency names, read
 * with one SELECT over plain JDBC and written as JSON, with nothing else (no token, no scope
 * check, no entity mapping, no ETag). Built only into the bench profile's jars
 * ({@code -Dquarkus.profile=bench}), never into the production jar.
 */
@IfBuildProfile("bench")
@Path("/bench/baseline/stations")
public class BaselineStationResource {

    private static final String SELECT = """
            select s.*, r.name as region_name, a.name as agency_name
            from station s join region r on r.code = s.region_code left join agency a on a.id = s.agency_id
            where s.id = ?""";

    @Inject
    AgroalDataSource dataSource;

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> get(@PathParam("id") UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw Problems.notFound("station", id);
                }
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(meta.getColumnLabel(i), value == null ? null : value.toString());
                }
                return row;
            }
        }
    }
}
