package org.socialwork.projects.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The baseline of the single-record POST benchmark: the same JSON body, read into a map and
 * written with one bare INSERT over plain JDBC, with nothing else (no token, scope, replica
 * checks, period locks, idempotency or outbox row). Disabled unless
 * {@code projects.benchmark.baseline-enabled}.
 */
@IfBuildProfile("bench")
@Path("/bench/baseline/service-records")
public class BaselineRecordResource {

    private static final String INSERT = """
            insert into service_record (id, revision, type, occurred_at, duration_minutes, station_id,
                station_region_code, worker_ids, client_ids, participant_count, service_items,
                service_item_categories, recorded_by, recorded_at, updated_at)
            values (?, 1, ?, ?, ?, ?, '', cast(? as uuid[]), cast(? as uuid[]), 1, cast(? as jsonb), '[]', 'baseline', ?, ?)
            on conflict (id) do nothing""";

    @Inject
    BusinessClock clock;

    @Inject
    AgroalDataSource dataSource;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response insert(java.util.Map<String, Object> body) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, UUID.fromString((String) body.get("id")));
            statement.setString(2, (String) body.get("type"));
            statement.setTimestamp(3, Timestamp.from(Instant.parse((String) body.get("occurredAt"))));
            statement.setInt(4, ((Number) body.get("durationMinutes")).intValue());
            statement.setObject(5, UUID.fromString((String) body.get("stationId")));
            statement.setString(6, array(body.get("workerIds")));
            statement.setString(7, array(body.get("clientIds")));
            statement.setString(8, "[]");
            Timestamp now = Timestamp.from(clock.instant());
            statement.setTimestamp(9, now);
            statement.setTimestamp(10, now);
            statement.executeUpdate();
        }
        return Response.status(201).build();
    }

    private static String array(Object list) {
        if (!(list instanceof java.util.List<?> items)) {
            return "{}";
        }
        return "{" + String.join(",", items.stream().map(String::valueOf).toList()) + "}";
    }
}
