package org.socialwork.reporting.readmodel;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.infra.testing.TopicWriter;
import org.socialwork.platform.time.BusinessClock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Arc;
import io.restassured.specification.RequestSpecification;

/**
 * Publishes other services' events, shaped like their contract examples (read from the producers'
 * modules by relative path) with the fields a test needs changed, onto the real test broker. Events
 * are stamped with the service's business clock, as a producer on the same platform clock would:
 * the applied time ({@code asOf}, lag) is then never ahead of or behind the service's "now".
 */
public final class Fixtures implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final String STATIONS = "urn:socialwork:service:stations-service";
    static final String PERSONNEL = "urn:socialwork:service:personnel-service";
    static final String PROJECTS = "urn:socialwork:service:projects-service";

    private final TopicWriter writer = new TopicWriter(Arc.container().instance(BusinessClock.class).get().clock());

    public static ObjectNode example(String module, String file) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(
                    Path.of("..", module, "src", "main", "resources", "events", "examples", file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public UUID region(String code, String name, String level, long version) {
        ObjectNode r = example("stations-service", "region-changed.v1.json");
        r.put("code", code).put("name", name).put("level", level).put("version", version);
        r.put("parentCode", code.length() == 2 ? null : code.substring(0, switch (code.length()) {
            case 4 -> 2;
            case 6 -> 4;
            case 9 -> 6;
            default -> 9;
        }));
        return send(Topics.REGION, STATIONS, "org.socialwork.region.changed.v1", code, r);
    }

    public UUID retiredRegion(String code, String name, String level, long version, String mergedInto) {
        ObjectNode r = example("stations-service", "region-changed.v1.json");
        r.put("code", code).put("name", name).put("level", level).put("version", version).put("mergedInto", mergedInto)
                .put("validTo", "2020-01-01");
        return send(Topics.REGION, STATIONS, "org.socialwork.region.changed.v1", code, r);
    }

    public UUID station(UUID id, String regionCode, String level, String status, boolean meetsStandard, long version) {
        return station(id, regionCode, level, status, meetsStandard, version, s -> { });
    }

    public UUID station(UUID id, String regionCode, String level, String status, boolean meetsStandard, long version,
            Consumer<ObjectNode> change) {
        ObjectNode s = example("stations-service", "station-changed.v1.json");
        s.put("id", id.toString()).put("regionCode", regionCode).put("level", level).put("status", status)
                .put("meetsStandard", meetsStandard).put("builtAndOperating", meetsStandard && "OPERATING".equals(status))
                .put("version", version);
        s.remove("effectiveOn");
        change.accept(s);
        if (!s.has("effectiveOn")) {
            // Unless a test dates the state itself, it holds from the day of the write, as for an edit.
            s.put("effectiveOn", java.time.OffsetDateTime.parse(s.get("updatedAt").asText())
                    .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString());
        }
        return send(Topics.STATION, STATIONS, "org.socialwork.station.changed.v1", id.toString(), s);
    }

    public ObjectNode record(UUID id, int revision, String type, String occurredAt, int minutes, UUID station,
            String stationRegion, List<UUID> clients, List<String> categories) {
        ObjectNode r = example("projects-service", "service-record-recorded.v1.json");
        r.put("id", id.toString()).put("revision", revision).put("type", type).put("occurredAt", occurredAt)
                .put("durationMinutes", minutes).put("stationId", station.toString())
                .put("stationRegionCode", stationRegion).put("participantCount", Math.max(1, clients.size()));
        r.set("clientIds", JSON.valueToTree(clients.stream().map(UUID::toString).toList()));
        r.set("serviceItemCategories", JSON.valueToTree(categories));
        return r;
    }

    public UUID send(ObjectNode record) {
        UUID id = UUID.randomUUID();
        send(id, record);
        return id;
    }

    /** Sends a service record with a chosen event id (the same id again is a redelivery). */
    public void send(UUID eventId, ObjectNode record) {
        String type = record.get("revision").asInt() == 1 ? "org.socialwork.service-record.recorded.v1"
                : "org.socialwork.service-record.corrected.v1";
        writer.send(Topics.SERVICE_RECORD, eventId, PROJECTS, type, record.get("id").asText(), record.toString());
    }

    public UUID send(String topic, String source, String type, String key, ObjectNode payload) {
        return writer.send(topic, source, type, key, payload.toString());
    }

    public void resend(String topic, UUID eventId, String source, String type, String key, ObjectNode payload) {
        writer.send(topic, eventId, source, type, key, payload.toString());
    }

    /** Waits until the consumer has recorded every one of {@code eventIds} in its inbox. */
    public static void awaitConsumed(DataSource dataSource, Collection<UUID> eventIds) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select count(*) from inbox_event where event_id = any(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", eventIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == eventIds.size();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static RequestSpecification as(String role, String region) {
        return given().auth().oauth2(DevTokens.mint(new DevTokens.Caller(role + "-" + region + "-" + UUID.randomUUID(),
                java.util.Set.of(role), region, null, null)));
    }

    public static RequestSpecification admin() {
        return given().auth().oauth2(DevTokens.mint(DevTokens.Caller.platformAdmin()));
    }

    public static Map<String, Object> map(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(json, Map.class);
            return m;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
