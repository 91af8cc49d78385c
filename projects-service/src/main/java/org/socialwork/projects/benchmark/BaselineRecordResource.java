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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The baseline of the single-record POST benchmark: the same JSON body, read into a map and
 * written with one bare INSERT over plain JDBC, with nothing else (no token, scope, replica
 * checks, period locks, idempotency or outbox row); and the floor of the batch sync. Built only
 * into the bench profile's jars ({@code -Dquarkus.profile=bench}), never into the production jar.
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

    private static final String BATCH = """
            with input as (
                select * from jsonb_to_recordset(cast(? as jsonb)) as r(
                    id uuid, type text, occurred_at timestamptz, duration_minutes integer, station_id uuid,
                    worker_ids uuid[], client_ids uuid[], service_items jsonb, event_id uuid, payload jsonb)
            ), inserted as (
                insert into service_record (id, revision, type, occurred_at, duration_minutes, station_id,
                    station_region_code, worker_ids, client_ids, participant_count, service_items,
                    service_item_categories, recorded_by, recorded_at, updated_at)
                select id, 1, type, occurred_at, duration_minutes, station_id, '', worker_ids, client_ids, 1,
                    service_items, '[]', 'baseline', ?, ?
                from input
                on conflict (id) do nothing
                returning id
            ), published as (
                insert into outbox_event (id, topic, event_key, event_type, source, occurred_at, payload, next_attempt_at, sent_at)
                select i.event_id, 'bench.baseline.v1', cast(i.id as text), 'baseline', 'urn:socialwork:bench', ?, i.payload, ?, ?
                from input i join inserted n on n.id = i.id
                returning event_key
            )
            select count(*) from published""";

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * The floor of the batch sync: the same 1,000 rows and their 1,000 outbox rows written by one
     * multi-row statement, with no replica, catalogue or lock check and no idempotency lookup.
     */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response batch(java.util.Map<String, Object> body) throws SQLException, JsonProcessingException {
        java.util.List<?> records = (java.util.List<?>) body.get("records");
        java.util.List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        for (Object item : records) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> r = (java.util.Map<String, Object>) item;
            java.util.Map<String, Object> row = new java.util.HashMap<>();
            row.put("id", r.get("id"));
            row.put("type", r.get("type"));
            row.put("occurred_at", r.get("occurredAt"));
            row.put("duration_minutes", r.get("durationMinutes"));
            row.put("station_id", r.get("stationId"));
            row.put("worker_ids", r.getOrDefault("workerIds", java.util.List.of()));
            row.put("client_ids", r.getOrDefault("clientIds", java.util.List.of()));
            row.put("service_items", r.getOrDefault("serviceItems", java.util.List.of()));
            row.put("event_id", UUID.randomUUID());
            row.put("payload", r);
            rows.add(row);
        }
        Timestamp now = Timestamp.from(clock.instant());
        int created;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(BATCH)) {
            statement.setString(1, JSON.writeValueAsString(rows));
            statement.setTimestamp(2, now);
            statement.setTimestamp(3, now);
            statement.setTimestamp(4, now);
            statement.setTimestamp(5, now);
            // Written as already sent: the relay must not publish the baseline's rows to a topic nobody reads.
            statement.setTimestamp(6, now);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                created = rs.next() ? rs.getInt(1) : 0;
            }
        }
        return Response.ok(java.util.Map.of("created", created), MediaType.APPLICATION_JSON).build();
    }

    private static String array(Object list) {
        if (!(list instanceof java.util.List<?> items)) {
            return "{}";
        }
        return "{" + String.join(",", items.stream().map(String::valueOf).toList()) + "}";
    }
}
