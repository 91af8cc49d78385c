package org.socialwork.stations.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.socialwork.stations.station.StationFixtures.as;
import static org.socialwork.stations.station.StationFixtures.single;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.time.BusinessClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 16: {@code POST /api/v1/stations/batch}. The stations live in a subtree of their own
 * (province 97, two counties of 500 townships each), so that the counts here are this test's only
 * and no other test's townships are taken.
 */
@QuarkusTest
class StationBatchTest {

    static final String CITY = "9701";
    static final String COUNTY = "970101";
    static final String OTHER_COUNTY = "970102";
    /** The 1,000-item test's own two counties of 500 townships each. */
    static final List<String> BULK_COUNTIES = List.of("970103", "970104");
    static final String PATH = "/api/v1/stations/batch";
    private static volatile boolean loaded;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void regions() throws SQLException {
        StationFixtures.ensureRegions(dataSource);
        synchronized (StationBatchTest.class) {
            if (loaded) {
                return;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"97", "批量测试省", "PROVINCE", null});
            rows.add(new String[] {CITY, "批量测试市", "CITY", "97"});
            for (String county : List.of(COUNTY, OTHER_COUNTY, BULK_COUNTIES.get(0), BULK_COUNTIES.get(1))) {
                rows.add(new String[] {county, "批量测试县 " + county, "COUNTY", CITY});
                for (int t = 1; t <= 500; t++) {
                    String township = county + String.format("%03d", t);
                    rows.add(new String[] {township, "批量测试镇 " + township, "TOWNSHIP", county});
                    rows.add(new String[] {township + "001", "批量测试村 " + township, "VILLAGE", township});
                }
            }
            OffsetDateTime now = clock.now();
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                    insert into region (code, name, level, parent_code, version, updated_at)
                    values (?, ?, ?, ?, 1, ?) on conflict do nothing""")) {
                for (String[] row : rows) {
                    for (int i = 0; i < 4; i++) {
                        insert.setString(i + 1, row[i]);
                    }
                    insert.setObject(5, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            loaded = true;
        }
    }

    /** A township of the test's subtree that no station occupies yet, taken from the end so the 1,000-item test keeps the rest. */
    private String freeTownship(String county) {
        return single(dataSource, """
                select r.code from region r where r.level = 'TOWNSHIP' and r.parent_code = ? and not exists (
                    select 1 from station s where s.region_code = r.code and s.level = 'TOWNSHIP_STATION')
                order by r.code desc limit 1""", county);
    }

    private static String key() {
        return "T-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static Map<String, Object> standard(boolean writtenRules) {
        Map<String, Object> met = Map.of("met", true, "evidence", "现场核查", "assessedOn", "2024-03-20");
        Map<String, Object> standard = new LinkedHashMap<>();
        for (String criterion : List.of("site", "equipment", "staff", "serviceFunctions", "workflow")) {
            standard.put(criterion, met);
        }
        standard.put("writtenRules", Map.of("met", writtenRules, "evidence", "制度上墙", "assessedOn", "2024-03-20"));
        return standard;
    }

    static Map<String, Object> township(String externalId, String region) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("externalId", externalId);
        item.put("name", "批量乡镇社工站 " + region);
        item.put("level", "TOWNSHIP_STATION");
        item.put("regionCode", region);
        item.put("address", "批量路 1 号");
        item.put("facilities", Map.of("floorAreaM2", 60, "rooms", List.of("RECEPTION", "CASE_ROOM")));
        item.put("operationMode", "GOVERNMENT_RUN");
        item.put("position", Map.of("latitude", 30.43, "longitude", 120.45, "crs", "WGS84"));
        return item;
    }

    static Map<String, Object> room(String externalId, String village) {
        Map<String, Object> item = township(externalId, village);
        item.put("level", "VILLAGE_ROOM");
        return item;
    }

    static Map<String, Object> status(String to, String effectiveDate) {
        return Map.of("to", to, "effectiveDate", effectiveDate, "reason", "系统迁移");
    }

    private static JsonPath post(String token, List<?> items) {
        return as(token).body(Map.of("items", items)).post(PATH).then().statusCode(200).extract().jsonPath();
    }

    private long count(String sql, Object... args) {
        return Long.parseLong(single(dataSource, sql, args));
    }

    private long outboxRows(List<String> stationIds) {
        return count("select count(*) from outbox_event where event_key = any(string_to_array(?, ','))",
                String.join(",", stationIds));
    }

    @Test
    void aNewStationGoesThroughEveryStepOfTheSinglePathWithAnEventEachAndAResentBatchChangesNothing() throws Exception {
        String bureau = StationFixtures.bureauToken("bureau-admin", COUNTY);
        String township = freeTownship(COUNTY);
        String hubKey = key();
        String roomKey = key();
        Map<String, Object> station = township(hubKey, township);
        station.put("standard", standard(true));
        station.put("status", status("OPERATING", "2024-01-02"));
        station.put("establishedOn", "2023-09-01");
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("externalId", roomKey);
        room.put("name", "批量社工室");
        room.put("level", "VILLAGE_ROOM");
        room.put("regionCode", township + "001");
        room.put("parentExternalId", hubKey);
        room.put("operationMode", "GOVERNMENT_RUN");
        room.put("status", status("ESTABLISHED", "2024-02-01"));
        List<Map<String, Object>> items = List.of(station, room);

        JsonPath first = post(bureau, items);
        assertThat(first.getInt("created")).isEqualTo(2);
        assertThat(first.getList("items.status")).containsExactly("CREATED", "CREATED");
        // create (0), standard (1), ESTABLISHED (2), OPERATING (3); the room: create (0), ESTABLISHED (1)
        assertThat(first.getList("items.version", Integer.class)).containsExactly(3, 1);
        String id = first.getString("items[0].stationId");
        String roomId = first.getString("items[1].stationId");

        as(bureau).get("/api/v1/stations/" + id).then().statusCode(200)
                .header("ETag", "\"3\"")
                .body("status", equalTo("OPERATING"))
                .body("establishedOn", equalTo("2023-09-01"))
                .body("meetsStandard", equalTo(true))
                .body("builtAndOperating", equalTo(true));
        as(bureau).get("/api/v1/stations/" + id + "/history").then().statusCode(200)
                .body("to", contains("ESTABLISHED", "OPERATING"))
                .body("effectiveDate", contains("2023-09-01", "2024-01-02"))
                .body("changedBy[0]", equalTo("bureau-admin-" + COUNTY));
        as(bureau).get("/api/v1/stations/" + roomId).then().statusCode(200)
                .body("parentId", equalTo(id)).body("status", equalTo("ESTABLISHED"));

        // The outbox holds one row per step, in the order of the single path, with its version.
        List<String[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select payload ->> 'version', payload ->> 'status', payload ->> 'meetsStandard', payload ->> 'effectiveOn',
                    event_type, topic from outbox_event where event_key = ? order by seq""")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)});
                }
            }
        }
        String today = clock.today().toString();
        assertThat(rows).extracting(r -> String.join("|", r)).containsExactly(
                "0|PLANNED|false|" + today + "|" + StationChangedEvent.TYPE + "|" + StationChangedEvent.TOPIC,
                "1|PLANNED|true|" + today + "|" + StationChangedEvent.TYPE + "|" + StationChangedEvent.TOPIC,
                "2|ESTABLISHED|true|2023-09-01|" + StationChangedEvent.TYPE + "|" + StationChangedEvent.TOPIC,
                "3|OPERATING|true|2024-01-02|" + StationChangedEvent.TYPE + "|" + StationChangedEvent.TOPIC);
        assertThat(outboxRows(List.of(roomId))).isEqualTo(2);

        // ... and the broker carries them, in that order, keyed by the station.
        List<ConsumerRecord<String, byte[]>> records = awaitEvents(id, 4);
        List<Long> versions = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            JsonNode event = mapper.readTree(r.value());
            versions.add(event.get("version").asLong());
            assertThat(TopicReader.header(r, "ce_type")).isEqualTo(StationChangedEvent.TYPE);
            assertThat(event.has("contactNote")).isFalse();
        }
        assertThat(versions).containsExactly(0L, 1L, 2L, 3L);
        assertThat(mapper.readTree(records.get(3).value()).get("builtAndOperating").asBoolean()).isTrue();

        // Resent: nothing changes, nothing is published.
        long outboxBefore = count("select count(*) from outbox_event");
        JsonPath again = post(bureau, items);
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        assertThat(again.getList("items.status")).containsExactly("UNCHANGED", "UNCHANGED");
        assertThat(again.getList("items.version", Integer.class)).containsExactly(3, 1);
        assertThat(again.getList("items.stationId")).containsExactly(id, roomId);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outboxBefore);
        assertThat(count("select count(*) from station_transition where station_id = cast(? as uuid)", id)).isEqualTo(2);

        // A changed name is one update, one event, one version more; the standard unmet another.
        station.put("name", "批量乡镇社工站（更名）");
        station.put("standard", standard(false));
        JsonPath changed = post(bureau, List.of(station, room));
        assertThat(changed.getList("items.status")).containsExactly("UPDATED", "UNCHANGED");
        assertThat(changed.getInt("items[0].version")).isEqualTo(5);
        as(bureau).get("/api/v1/stations/" + id).then().statusCode(200)
                .body("name", equalTo("批量乡镇社工站（更名）")).body("builtAndOperating", equalTo(false));
        assertThat(outboxRows(List.of(id))).isEqualTo(6);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outboxBefore + 2);
    }

    private List<ConsumerRecord<String, byte[]>> awaitEvents(String key, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<String, byte[]>> records = List.of();
        while (System.nanoTime() < deadline) {
            records = TopicReader.read(StationChangedEvent.TOPIC, r -> key.equals(r.key()), Duration.ofSeconds(1));
            if (records.size() >= expected) {
                break;
            }
        }
        assertThat(records).hasSize(expected);
        return records;
    }

    @Test
    void eachRuleOfTheSinglePathRefusesItsItemWithTheSameProblemAndTheOthersAreStored() {
        String bureau = StationFixtures.bureauToken("bureau-admin", COUNTY);
        String taken = freeTownship(COUNTY);
        // The single path, for comparison: a second open township station in a township is a conflict.
        Map<String, Object> single = StationFixtures.stationBody("TOWNSHIP_STATION", taken);
        as(bureau).body(single).post("/api/v1/stations").then().statusCode(201);
        JsonPath singleRefusal = as(bureau).body(single).post("/api/v1/stations").then().statusCode(409).extract().jsonPath();

        String free = freeTownship(COUNTY);
        String good = key();
        String duplicate = key();
        LocalDate tomorrow = clock.today().plusDays(1);
        // Rules met after the region's: village rooms, which no other item's township station excludes.
        Map<String, Object> future = room(key(), free + "001");
        future.put("status", status("ESTABLISHED", tomorrow.toString()));
        Map<String, Object> wrongType = township(key(), free);
        wrongType.put("level", "NOPE");
        Map<String, Object> unknownField = township(key(), free);
        unknownField.put("zzUnknown", 1);
        Map<String, Object> unknownAgency = room(key(), free + "001");
        unknownAgency.put("operationMode", "PURCHASED_SERVICE");
        unknownAgency.put("agencyId", UUID.randomUUID().toString());
        Map<String, Object> phone = room(key(), free + "001");
        phone.put("contactNote", "请致电 13805730101");
        List<Object> items = new ArrayList<>();
        items.add(township(good, free));                                        // 0 stored
        items.add(township(duplicate, free));                                   // 1 the township is taken by item 0
        items.add(township(key(), taken));                                      // 2 taken before the batch
        items.add(township(key(), OTHER_COUNTY + "001"));                       // 3 outside the bureau's county
        items.add(township(key(), COUNTY + "999"));                             // 4 no such region
        items.add(township(key(), COUNTY));                                     // 5 a county code for a township station
        items.add(unknownAgency);                                               // 6
        items.add(future);                                                      // 7 a transition in the future
        items.add(wrongType);                                                   // 8 malformed: not an enum value
        items.add(unknownField);                                                // 9 malformed: unknown field
        items.add(42);                                                          // 10 malformed: not an object
        items.add(null);                                                        // 11 missing
        items.add(township(good, freeTownship(OTHER_COUNTY)));                  // 12 externalId repeated
        items.add(Map.of("externalId", key()));                                 // 13 required fields missing
        items.add(phone);                                                       // 14 a phone in the contact note
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("externalId", key());
        room.put("name", "无上级的社工室");
        room.put("level", "VILLAGE_ROOM");
        room.put("regionCode", free + "001");
        room.put("parentExternalId", "NO-SUCH-PARENT");
        room.put("operationMode", "GOVERNMENT_RUN");
        items.add(room);                                                        // 15 unknown parent

        long stationsBefore = count("select count(*) from station where region_code like ?", "97%");
        JsonPath result = as(bureau).header("Accept-Language", "en").body(Map.of("items", items)).post(PATH)
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("created")).isEqualTo(1);
        assertThat(result.getInt("refused")).isEqualTo(15);
        assertThat(result.getList("items.status")).first().isEqualTo("CREATED");
        assertThat(result.getList("items.index", Integer.class)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                13, 14, 15);
        assertThat(count("select count(*) from station where region_code like ?", "97%")).isEqualTo(stationsBefore + 1);

        assertProblem(result, 1, "urn:socialwork:problem:conflict", 409, "station.region.occupied");
        assertProblem(result, 2, singleRefusal.getString("type"), singleRefusal.getInt("status"), singleRefusal.getString("code"));
        assertProblem(result, 3, "urn:socialwork:problem:forbidden", 403, "station.forbidden.region");
        assertProblem(result, 4, "urn:socialwork:problem:rule-violation", 422, "station.region.unknown");
        assertProblem(result, 5, "urn:socialwork:problem:rule-violation", 422, "station.region.level");
        assertProblem(result, 6, "urn:socialwork:problem:rule-violation", 422, "station.operation.agency-unknown");
        assertProblem(result, 7, "urn:socialwork:problem:validation", 400, "station.transition.future");
        assertProblem(result, 8, "urn:socialwork:problem:validation", 400, null);
        assertThat(result.getString("items[8].problem.errors[0].field")).isEqualTo("items[8].level");
        assertProblem(result, 9, "urn:socialwork:problem:unknown-field", 400, null);
        assertThat(result.getString("items[9].problem.errors[0].field")).isEqualTo("items[9].zzUnknown");
        assertProblem(result, 10, "urn:socialwork:problem:validation", 400, null);
        assertProblem(result, 11, "urn:socialwork:problem:validation", 400, "station.batch.item-required");
        assertProblem(result, 12, "urn:socialwork:problem:validation", 400, "station.batch.duplicate-external-id");
        assertThat(result.getString("items[12].problem.errors[0].field")).isEqualTo("items[12].externalId");
        assertProblem(result, 13, "urn:socialwork:problem:validation", 400, null);
        assertThat(result.getList("items[13].problem.errors.field", String.class))
                .contains("items[13].level", "items[13].name", "items[13].operationMode", "items[13].regionCode");
        assertProblem(result, 14, "urn:socialwork:problem:validation", 400, "station.contact-note.phone");
        assertProblem(result, 15, "urn:socialwork:problem:rule-violation", 422, "station.batch.parent-unknown");
        assertThat(result.getString("items[3].problem.instance")).isEqualTo(PATH + "#items/3");
        assertThat(result.getString("items[1].problem.detail")).contains("already has an open");
        // The refused items wrote nothing, and item 0's station has exactly its creation event.
        String created = result.getString("items[0].stationId");
        assertThat(outboxRows(List.of(created))).isEqualTo(1);
    }

    private static void assertProblem(JsonPath result, int index, String type, int status, String code) {
        String at = "items[" + index + "]";
        assertThat(result.getString(at + ".status")).as(at).isEqualTo("REFUSED");
        assertThat(result.getString(at + ".problem.type")).as(at).isEqualTo(type);
        assertThat(result.getInt(at + ".problem.status")).as(at).isEqualTo(status);
        assertThat(result.getString(at + ".problem.code")).as(at).isEqualTo(code);
        assertThat(result.getString(at + ".stationId")).as(at).isNull();
    }

    @Test
    void anExistingStationFollowsTheTransitionRulesAndKeepsItsLevelAndRegion() {
        String bureau = StationFixtures.bureauToken("bureau-admin", COUNTY);
        String township = freeTownship(COUNTY);
        String externalId = key();
        Map<String, Object> item = township(externalId, township);
        item.put("status", status("OPERATING", "2024-03-01"));
        String id = post(bureau, List.of(item)).getString("items[0].stationId");

        // OPERATING → PLANNED is no transition at all; a date before the last one is backdating.
        item.put("status", status("PLANNED", "2024-04-01"));
        JsonPath back = post(bureau, List.of(item));
        assertProblem(back, 0, "urn:socialwork:problem:rule-violation", 422, "station.transition.illegal");
        item.put("status", status("SUSPENDED", "2024-02-01"));
        assertProblem(post(bureau, List.of(item)), 0, "urn:socialwork:problem:rule-violation", 422,
                "station.transition.backdated");
        item.put("level", "VILLAGE_ROOM");
        item.put("status", status("SUSPENDED", "2024-05-01"));
        assertProblem(post(bureau, List.of(item)), 0, "urn:socialwork:problem:rule-violation", 422, "station.batch.fixed");
        item.put("level", "TOWNSHIP_STATION");

        // A room under it, then closing the station while the room is open: refused as the single path does.
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("externalId", key());
        room.put("name", "开放的社工室");
        room.put("level", "VILLAGE_ROOM");
        room.put("regionCode", township + "001");
        room.put("parentExternalId", externalId);
        room.put("operationMode", "GOVERNMENT_RUN");
        item.put("status", status("CLOSED", "2024-06-01"));
        JsonPath closing = post(bureau, List.of(room, item));
        assertThat(closing.getString("items[0].status")).isEqualTo("CREATED");
        assertProblem(closing, 1, "urn:socialwork:problem:rule-violation", 422, "station.transition.open-children");

        // Closed, it frees the township for a new station in the same batch; then it can no longer change.
        room.put("status", status("CLOSED", "2024-06-01"));
        Map<String, Object> successor = township(key(), township);
        JsonPath closed = post(bureau, List.of(room, item, successor));
        assertThat(closed.getList("items.status")).containsExactly("UPDATED", "UPDATED", "CREATED");
        as(bureau).get("/api/v1/stations/" + id).then().statusCode(200).body("status", equalTo("CLOSED"));
        item.put("name", "已撤销的站点");
        assertProblem(post(bureau, List.of(item)), 0, "urn:socialwork:problem:rule-violation", 422, "station.closed");
    }

    @Test
    void externalIdsAreTheCallersOwnAndAViewerOrAnAgencyMayNotSendABatch() {
        String county = StationFixtures.bureauToken("bureau-admin", COUNTY);
        String city = StationFixtures.bureauToken("bureau-admin", CITY);
        String externalId = key();
        Map<String, Object> item = township(externalId, freeTownship(COUNTY));
        String first = post(county, List.of(item)).getString("items[0].stationId");
        // The city bureau's externalId space is its own: the same id names another station, and the
        // township is taken by the county's.
        JsonPath other = post(city, List.of(item));
        assertProblem(other, 0, "urn:socialwork:problem:conflict", 409, "station.region.occupied");
        item.put("regionCode", freeTownship(OTHER_COUNTY));
        JsonPath cityStation = post(city, List.of(item));
        assertThat(cityStation.getString("items[0].status")).isEqualTo("CREATED");
        assertThat(cityStation.getString("items[0].stationId")).isNotEqualTo(first);

        long before = count("select count(*) from station");
        as(StationFixtures.bureauToken("bureau-viewer", COUNTY)).body(Map.of("items", List.of(item))).post(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        as(StationFixtures.agencyAdminToken(UUID.randomUUID().toString())).body(Map.of("items", List.of(item))).post(PATH)
                .then().statusCode(403);
        assertThat(count("select count(*) from station")).isEqualTo(before);
    }

    @Test
    void aBatchAboveTheLimitOrNotJsonIsRefusedWholeAndAnIdempotencyKeyReplaysTheAnswer() {
        String bureau = StationFixtures.bureauToken("bureau-admin", COUNTY);
        long before = count("select count(*) from station");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(township(key(), COUNTY + "001"));
        }
        as(bureau).header("Accept-Language", "en").body(Map.of("items", tooMany)).post(PATH).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:socialwork:problem:payload-too-large"))
                .body("code", equalTo("station.batch.too-large"))
                .body("detail", equalTo("A batch holds at most 1,000 items; this one has 1,001. Send it in several batches."));
        as(bureau).contentType(ContentType.JSON).body("items: not JSON").post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:socialwork:problem:malformed-request"));
        as(bureau).body(Map.of("items", List.of())).post(PATH).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("items"));
        assertThat(count("select count(*) from station")).isEqualTo(before);

        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("items", List.of(township(key(), freeTownship(COUNTY))));
        String id = as(bureau).header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(200)
                .body("created", equalTo(1)).extract().path("items[0].stationId");
        as(bureau).header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("created", equalTo(1)).body("items[0].stationId", equalTo(id));
        as(bureau).header("Idempotency-Key", key).body(Map.of("items", List.of(township(key(), freeTownship(COUNTY)))))
                .post(PATH).then().statusCode(422).body("type", equalTo("urn:socialwork:problem:idempotency-key-reused"));
        assertThat(count("select count(*) from station")).isEqualTo(before + 1);
    }

    @Test
    void aThousandOperatingStationsMigrateInOneCallAndTheirResendIsANoOp() {
        String city = StationFixtures.bureauToken("bureau-admin", CITY);
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> free = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select r.code from region r where r.level = 'TOWNSHIP' and r.parent_code in ('970103', '970104') and not exists (
                    select 1 from station s where s.region_code = r.code and s.level = 'TOWNSHIP_STATION')
                order by r.code limit 1000""")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    free.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // Its counties are its own: on a database kept from an earlier run the townships are taken, and it
        // fills up with village rooms.
        String prefix = key();
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> item;
            if (i < free.size()) {
                item = township(prefix + "-" + i, free.get(i));
            } else {
                item = township(prefix + "-" + i, free.get(i % free.size()) + "001");
                item.put("level", "VILLAGE_ROOM");
            }
            item.put("standard", standard(true));
            item.put("status", status("OPERATING", "2024-01-02"));
            items.add(item);
        }
        long outboxBefore = count("select count(*) from outbox_event");
        long started = System.nanoTime();
        JsonPath result = post(city, items);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(result.getInt("created")).isEqualTo(1000);
        assertThat(result.getList("items")).hasSize(1000);
        assertThat(count("select count(*) from station where external_id like ?", prefix + "-%")).isEqualTo(1000);
        assertThat(count("select count(*) from station where external_id like ? and status = 'OPERATING' and meets_standard",
                prefix + "-%")).isEqualTo(1000);
        // create, standard, ESTABLISHED, OPERATING: four events and two transitions a station
        assertThat(count("select count(*) from outbox_event") - outboxBefore).isEqualTo(4000);
        assertThat(count("""
                select count(*) from station_transition t join station s on s.id = t.station_id
                where s.external_id like ?""", prefix + "-%")).isEqualTo(2000);

        long resendStarted = System.nanoTime();
        JsonPath again = post(city, items);
        double resendSeconds = (System.nanoTime() - resendStarted) / 1e9;
        assertThat(again.getInt("unchanged")).isEqualTo(1000);
        assertThat(count("select count(*) from outbox_event") - outboxBefore).isEqualTo(4000);
        System.out.printf("StationBatchTest: 1000 stations (%d township stations, each PLANNED→standard→ESTABLISHED→"
                + "OPERATING: 4000 events, 2000 transitions) in %.2f s = %.0f stations/s; resent (all unchanged) in %.2f s%n",
                Math.min(free.size(), 1000), seconds, 1000 / seconds, resendSeconds);
        as(city).get("/api/v1/stations?region=" + CITY + "&status=OPERATING&limit=1").then().statusCode(200)
                .body("items", hasSize(1));
    }
}
