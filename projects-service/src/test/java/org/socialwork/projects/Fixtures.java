package org.socialwork.projects;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.infra.testing.TopicWriter;
import org.socialwork.platform.time.BusinessClock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The world other services would publish (regions of Haining and Pinghu, an agency, stations,
 * workers and their assignments), sent as their events onto the real broker and awaited in the
 * replicas; helpers to drive projects through the API. Each test builds its own agency, stations
 * and workers, so tests never depend on each other's data. Every date a fixture sends is taken on
 * the service's business clock, so that the fixtures mean the same on any day and at any hour.
 */
public final class Fixtures {

    public static final String HAINING = "330481";
    public static final String TOWNSHIP = "330481001";
    public static final String VILLAGE = "330481001001";
    public static final String PINGHU = "330482";
    public static final String PINGHU_TOWNSHIP = "330482001";
    public static final String STATIONS_SOURCE = "urn:socialwork:service:stations-service";
    public static final String PERSONNEL_SOURCE = "urn:socialwork:service:personnel-service";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger CODES = new AtomicInteger();
    private static volatile boolean regionsSent;

    private Fixtures() {
    }

    /** The business clock of the service under test. */
    public static BusinessClock clock() {
        return Arc.container().instance(BusinessClock.class).get();
    }

    /**
     * {@code ago} before now on the business clock, but not before the business day began: a moment
     * of today that has passed, whatever the hour (a plain "now minus an hour" is yesterday at 00:30,
     * possibly last month).
     */
    public static OffsetDateTime earlierToday(Duration ago) {
        BusinessClock clock = clock();
        OffsetDateTime now = clock.localNow();
        OffsetDateTime dayStart = clock.startOf(clock.dayOf(now));
        OffsetDateTime earlier = now.minus(ago);
        return earlier.isBefore(dayStart) ? dayStart : earlier;
    }

    /** A contractor agency with a station in Haining, one in Pinghu, and workers assigned to the Haining station. */
    public record World(UUID agency, UUID station, UUID outsideStation, List<UUID> workers) {
    }

    public static World world(DataSource ds, int workerCount) {
        ensureRegions(ds);
        UUID agency = UUID.randomUUID();
        UUID station = UUID.randomUUID();
        UUID outside = UUID.randomUUID();
        List<UUID> workers = new ArrayList<>();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("stations.agency.v1", STATIONS_SOURCE, "org.socialwork.agency.changed.v1", agency.toString(),
                    json(Map.of("id", agency, "version", 1, "name", "海宁市启航社会工作服务中心" + agency.toString().substring(0, 4),
                            "registrationRegion", HAINING, "status", "ACTIVE")));
            sendStation(writer, station, TOWNSHIP, agency);
            sendStation(writer, outside, PINGHU_TOWNSHIP, agency);
            for (int i = 0; i < workerCount; i++) {
                UUID worker = UUID.randomUUID();
                workers.add(worker);
                sendWorker(writer, worker, agency, 1, false);
                sendAssignment(writer, UUID.randomUUID(), worker, station, "ACTIVE", 1);
            }
        }
        awaitRows(ds, "select count(*) from station_replica where id in (?, ?)", 2, station, outside);
        awaitRows(ds, "select count(*) from agency_replica where id = ?", 1, agency);
        for (UUID worker : workers) {
            awaitRows(ds, "select count(*) from worker_replica w join assignment_replica a on a.worker_id = w.id where w.id = ?",
                    1, worker);
        }
        return new World(agency, station, outside, workers);
    }

    public static synchronized void ensureRegions(DataSource ds) {
        if (regionsSent) {
            return;
        }
        try (TopicWriter writer = new TopicWriter()) {
            region(writer, "33", "PROVINCE", null);
            region(writer, "3304", "CITY", "33");
            region(writer, HAINING, "COUNTY", "3304");
            region(writer, TOWNSHIP, "TOWNSHIP", HAINING);
            region(writer, VILLAGE, "VILLAGE", TOWNSHIP);
            region(writer, "330481001002", "VILLAGE", TOWNSHIP);
            region(writer, PINGHU, "COUNTY", "3304");
            region(writer, PINGHU_TOWNSHIP, "TOWNSHIP", PINGHU);
        }
        awaitRows(ds, "select count(*) from region_replica where code = ?", 1, PINGHU_TOWNSHIP);
        awaitRows(ds, "select count(*) from region_replica where code = ?", 1, "330481001002");
        regionsSent = true;
    }

    private static void region(TopicWriter writer, String code, String level, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "区划" + code);
        body.put("level", level);
        body.put("parentCode", parent);
        body.put("validTo", null);
        body.put("version", 1);
        writer.send("stations.region.v1", STATIONS_SOURCE, "org.socialwork.region.changed.v1", code, json(body));
    }

    public static void sendStation(TopicWriter writer, UUID id, String region, UUID agency) {
        writer.send("stations.station.v1", STATIONS_SOURCE, "org.socialwork.station.changed.v1", id.toString(),
                json(Map.of("id", id, "version", 1, "name", "社工站" + id.toString().substring(0, 6), "level",
                        "TOWNSHIP_STATION", "regionCode", region, "status", "OPERATING", "agencyId", agency)));
    }

    public static void sendWorker(TopicWriter writer, UUID id, UUID agency, long version, boolean dishonest) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("version", version);
        body.put("employerAgencyId", agency);
        body.put("category", "STATION_FULL_TIME");
        body.put("qualificationLevel", "INTERMEDIATE");
        body.put("registered", true);
        body.put("status", "ACTIVE");
        body.put("dishonestyListed", dishonest);
        body.put("dishonestyListedUntil", dishonest ? clock().today().plusYears(1).toString() : null);
        writer.send("personnel.worker.v1", PERSONNEL_SOURCE, "org.socialwork.worker.changed.v1", id.toString(), json(body));
    }

    public static void sendAssignment(TopicWriter writer, UUID id, UUID worker, UUID station, String status, long version) {
        writer.send("personnel.assignment.v1", PERSONNEL_SOURCE, "org.socialwork.assignment.changed.v1", id.toString(),
                json(Map.of("id", id, "version", version, "workerId", worker, "stationId", station, "status", status,
                        "stationRegionCode", TOWNSHIP, "role", "SOCIAL_WORKER")));
    }

    public static void awaitRows(DataSource ds, String sql, long expected, Object... args) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count(ds, sql, args) == expected);
    }

    public static long count(DataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes reporting-service's {@code reporting.period.v1} snapshot of a monthly lock of
     * {@link #TOWNSHIP}, as its approval (locked) or reopening (not locked) would.
     */
    public static void publishPeriodLock(String id, long version, LocalDate start, LocalDate end, boolean locked) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("version", version);
        body.put("regionCode", TOWNSHIP);
        body.put("periodType", "MONTH");
        body.put("periodStart", start.toString());
        body.put("periodEnd", end.toString());
        body.put("locked", locked);
        body.put("reportId", UUID.randomUUID());
        body.put("approvedAt", clock().now().toString());
        body.put("approvedBy", "bureau-33-admin");
        body.put("updatedAt", clock().now().toString());
        try (TopicWriter writer = new TopicWriter(clock().clock())) {
            writer.send("reporting.period.v1", "urn:socialwork:service:reporting-service", "org.socialwork.period.locked.v1",
                    id, json(body));
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String admin() {
        return DevTokens.mint(DevTokens.Caller.platformAdmin());
    }

    public static String bureau(String region) {
        return DevTokens.mint(DevTokens.Caller.bureau("bureau-admin", region));
    }

    public static String bureauWithPersonalData(String region) {
        return DevTokens.mint(new DevTokens.Caller("bureau-pd-" + region, Set.of("bureau-admin", "personal-data"), region,
                null, null));
    }

    public static String agencyAdmin(UUID agency) {
        return DevTokens.mint(DevTokens.Caller.agencyAdmin(agency.toString()));
    }

    public static String fieldWorker(UUID worker) {
        return DevTokens.mint(new DevTokens.Caller("worker-" + worker, Set.of("field-worker"), null, null, worker.toString()));
    }

    public static String evaluator(String subject) {
        return DevTokens.mint(new DevTokens.Caller(subject, Set.of("evaluator"), null, null, null));
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    public static String code() {
        return "T-" + System.currentTimeMillis() % 100000 + "-" + CODES.incrementAndGet();
    }

    public static Map<String, Object> projectBody(World w) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code());
        body.put("name", "海宁市乡镇社工站运营服务项目");
        body.put("purchaserRegionCode", HAINING);
        body.put("contractorAgencyId", w.agency());
        body.put("stationIds", List.of(w.station()));
        LocalDate today = clock().today();
        body.put("periodStart", today.minusMonths(6).withDayOfMonth(1).toString());
        body.put("periodEnd", today.plusMonths(6).withDayOfMonth(1).toString());
        body.put("procurementMethod", "PUBLIC_TENDER");
        body.put("budgetFen", 120_000_000L);
        body.put("funding", List.of(Map.of("source", "SOCIAL_ASSISTANCE_FUND", "amountFen", 80_000_000L),
                Map.of("source", "WELFARE_LOTTERY_FUND", "amountFen", 40_000_000L)));
        body.put("serviceItems", List.of("SOCIAL_ASSISTANCE", "ELDERLY_CARE"));
        body.put("targets", List.of(Map.of("indicator", "VISITS", "target", 1200),
                Map.of("indicator", "SERVICE_HOURS", "target", 3000)));
        body.put("staffing", Map.of("minFullTimeWorkers", 1, "minCertifiedWorkers", 1));
        body.put("evaluatorSubjects", List.of("evaluator-zj-001"));
        return body;
    }

    public static String createProject(Map<String, Object> body) {
        return as(bureau(HAINING)).body(body).post("/api/v1/projects").then().statusCode(201).extract().path("id");
    }

    public static String etag(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** Moves a project up to {@code target} along DRAFT → TENDERING → CONTRACTED → IN_SERVICE. */
    public static void advance(String projectId, String target) {
        String token = bureau(HAINING);
        for (String step : List.of("TENDERING", "CONTRACTED", "IN_SERVICE")) {
            String path = "/api/v1/projects/" + projectId;
            String status = as(token).get(path).then().extract().path("status");
            if (status.equals(target)) {
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("to", step);
            if (step.equals("CONTRACTED")) {
                body.put("contractNumber", "HNMZ-2024-" + CODES.incrementAndGet());
                body.put("contractDate", clock().today().minusMonths(6).toString());
            }
            as(token).header("If-Match", etag(token, path)).body(body).post(path + "/transitions").then().statusCode(200);
        }
    }

    public static void addMember(String projectId, UUID worker, String role) {
        as(bureau(HAINING)).body(Map.of("workerId", worker, "role", role, "since", clock().today().toString()))
                .post("/api/v1/projects/" + projectId + "/team").then().statusCode(200);
    }

    /**
     * A valid resident ID number (correct check character) of someone born 1940–1964 (always over 60),
     * with a random sequence: about nine million numbers, so that the few hundred clients of a run
     * do not collide on the one-person-one-file rule (81,000 made a collision in a run likely).
     */
    public static String idNumber() {
        LocalDate first = LocalDate.of(1940, 1, 1);
        long days = ChronoUnit.DAYS.between(first, LocalDate.of(1965, 1, 1));
        return idNumber(first.plusDays(ThreadLocalRandom.current().nextLong(days)));
    }

    /** A valid resident ID number of someone born on {@code birth}, with a random sequence. */
    public static String idNumber(LocalDate birth) {
        String body = "330481" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", (int) (Math.random() * 1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    public static Map<String, Object> clientBody(World w, String name, String idNumber, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("phone", phone);
        body.put("villageRegionCode", VILLAGE);
        body.put("categories", List.of("ELDERLY_ALONE", "MINIMUM_LIVING_ALLOWANCE"));
        body.put("riskLevel", "KEY");
        body.put("stationId", w.station());
        body.put("responsibleWorkerId", w.workers().get(0));
        body.put("assessment", "独居，行动不便，需定期探访");
        body.put("plan", Map.of("goals", List.of("每月探访两次"), "serviceItems", List.of("ELDERLY_CARE"), "reviewOn",
                clock().today().plusMonths(3).toString()));
        return body;
    }

    public static String createClient(World w, String name) {
        return as(bureau(HAINING)).body(clientBody(w, name, idNumber(), null)).post("/api/v1/clients").then()
                .statusCode(201).extract().path("id");
    }

    public static Map<String, Object> visit(UUID id, World w, String client, String occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", "VISIT");
        body.put("occurredAt", occurredAt);
        body.put("durationMinutes", 45);
        body.put("stationId", w.station());
        body.put("workerIds", List.of(w.workers().get(0)));
        body.put("clientIds", List.of(client));
        body.put("serviceItems", List.of("ELDERLY_CARE"));
        return body;
    }
}
