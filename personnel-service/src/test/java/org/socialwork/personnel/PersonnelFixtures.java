package org.socialwork.personnel;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.infra.testing.TestInfrastructure;
import org.socialwork.infra.testing.TopicWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Helpers shared by the tests: tokens, valid resident ID numbers, and stations and agencies
 * published as stations-service would publish them (from its example payloads, on the real broker).
 * Tests share one database, so each creates its own agencies, stations and workers.
 */
public final class PersonnelFixtures {

    public static final String HAINING = "330481";
    public static final String STATIONS_SOURCE = "urn:socialwork:service:stations-service";
    public static final Path STATION_EXAMPLE = Path.of("../stations-service/src/main/resources/events/examples/station-changed.v1.json");
    public static final Path AGENCY_EXAMPLE = Path.of("../stations-service/src/main/resources/events/examples/agency-changed.v1.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private PersonnelFixtures() {
    }

    public static String adminToken() {
        return DevTokens.mint(DevTokens.Caller.platformAdmin());
    }

    public static String bureauToken(String role, String region) {
        return DevTokens.mint(DevTokens.Caller.bureau(role, region));
    }

    public static String agencyToken(String agency) {
        return DevTokens.mint(DevTokens.Caller.agencyAdmin(agency));
    }

    public static String token(String subject, Set<String> roles, String region, String agency, String worker) {
        return DevTokens.mint(new DevTokens.Caller(subject, roles, region, agency, worker));
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    /** A fresh valid resident ID number issued in Haining, born 1980–1999. */
    public static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(r.nextInt(7000));
        String body = HAINING + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        return body + checkChar(body);
    }

    /** The same number with a wrong check character. */
    public static String withBadCheckDigit(String idNumber) {
        char good = idNumber.charAt(17);
        char bad = good == '0' ? '1' : '0';
        return idNumber.substring(0, 17) + bad;
    }

    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static volatile boolean topicsReady;

    /**
     * Creates the stations topics (and their dead-letter topics) as stations-service and the
     * platform would: the test broker does not auto-create topics, and this service only consumes them.
     */
    public static synchronized void ensureStationTopics() {
        if (topicsReady) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of("stations.station.v1", "stations.agency.v1")) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT)));
                }
                if (!existing.contains(topic + ".dlq")) {
                    missing.add(new NewTopic(topic + ".dlq", 1, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the stations topics", e);
        }
        topicsReady = true;
    }

    /** Publishes an agency snapshot on stations.agency.v1 and waits until the replica holds that version. */
    public static UUID agency(DataSource db, String region, String status, long version) {
        UUID id = UUID.randomUUID();
        publishAgency(id, region, status, version);
        awaitReplica(db, "agency_replica", id, version);
        return id;
    }

    public static UUID publishAgency(UUID id, String region, String status, long version) {
        ObjectNode agency = example(AGENCY_EXAMPLE);
        agency.put("id", id.toString());
        agency.put("version", version);
        agency.put("name", "测试社工机构 " + id.toString().substring(0, 8));
        agency.put("registrationRegion", region);
        agency.put("status", status);
        ensureStationTopics();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("stations.agency.v1", STATIONS_SOURCE, "org.socialwork.agency.changed.v1", id.toString(),
                    agency.toString());
        }
        return id;
    }

    /** Publishes a station snapshot and waits until the replica holds that version. */
    public static UUID station(DataSource db, String regionCode, String status, String mode, UUID agencyId) {
        UUID id = UUID.randomUUID();
        ObjectNode station = stationSnapshot(id, 1, regionCode, status, mode, agencyId);
        ensureStationTopics();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("stations.station.v1", STATIONS_SOURCE, "org.socialwork.station.changed.v1", id.toString(),
                    station.toString());
        }
        awaitReplica(db, "station_replica", id, 1);
        return id;
    }

    public static ObjectNode stationSnapshot(UUID id, long version, String regionCode, String status, String mode,
            UUID agencyId) {
        ObjectNode station = example(STATION_EXAMPLE);
        station.put("id", id.toString());
        station.put("version", version);
        station.put("regionCode", regionCode);
        station.put("status", status);
        station.put("operationMode", mode);
        if (agencyId == null) {
            station.putNull("agencyId");
        } else {
            station.put("agencyId", agencyId.toString());
        }
        return station;
    }

    public static void awaitReplica(DataSource db, String table, UUID id, long version) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> replicaVersion(db, table, id) == version);
    }

    public static long replicaVersion(DataSource db, String table, UUID id) {
        Object v = single(db, "select version from " + table + " where id = ?", id);
        return v == null ? -1 : ((Number) v).longValue();
    }

    public static Object single(DataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode example(Path file) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worker creation body employed by {@code agency} in {@code category}. */
    public static Map<String, Object> workerBody(UUID agency, String category, String idNumber, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "张测试");
        body.put("idNumber", idNumber);
        body.put("phone", phone);
        body.put("education", "BACHELOR");
        body.put("socialWorkDegree", true);
        body.put("employment", Map.of("agencyId", agency.toString(), "category", category, "post", "SOCIAL_WORKER",
                "grade", 5, "from", "2024-01-01"));
        return body;
    }

    /** Creates a worker through the API as platform admin; returns its id. */
    public static UUID worker(UUID agency, String category) {
        String id = as(adminToken()).body(workerBody(agency, category, idNumber(), mobile()))
                .post("/api/v1/workers").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static UUID assign(UUID worker, UUID station, String from) {
        String id = as(adminToken()).body(Map.of("workerId", worker.toString(), "stationId", station.toString(),
                "role", "SOCIAL_WORKER", "from", from))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static String etag(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A township code of Haining (330481001–330481012), varied so tests rarely collide. */
    public static String township() {
        return HAINING + String.format("%03d", 1 + ThreadLocalRandom.current().nextInt(12));
    }
}
