package org.socialwork.personnel.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.agencyToken;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.idNumber;
import static org.socialwork.personnel.PersonnelFixtures.mobile;
import static org.socialwork.personnel.PersonnelFixtures.single;
import static org.socialwork.personnel.PersonnelFixtures.withBadCheckDigit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The HR integration: item by item, good ones land, bad ones say why, a resent batch changes nothing. */
@QuarkusTest
class WorkerBatchTest {

    @Inject
    AgroalDataSource db;

    @Test
    void goodItemsLandBadItemsReportWhyAndAResentBatchChangesNothing() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        String token = agencyToken(agency.toString());
        String duplicate = idNumber();
        as(token).body(org.socialwork.personnel.PersonnelFixtures.workerBody(agency, "PROJECT_WORKER", duplicate, mobile()))
                .post("/api/v1/workers").then().statusCode(201);

        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item("HR-1", idNumber(), 5));
        items.add(item("HR-2", withBadCheckDigit(idNumber()), 5));
        items.add(item("HR-3", idNumber(), 5));
        items.add(item("HR-4", duplicate, 5));
        Map<String, Object> missingName = item("HR-5", idNumber(), 5);
        missingName.remove("name");
        items.add(missingName);
        items.add(item("HR-6", idNumber(), 99));
        Map<String, Object> batch = Map.of("agencyId", agency.toString(), "items", items);

        JsonPath first = as(token).body(batch).post("/api/v1/workers/batch").then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(4)).extract().jsonPath();
        assertThat(first.getList("items.status")).containsExactly("CREATED", "REJECTED", "CREATED", "REJECTED", "REJECTED",
                "REJECTED");
        assertThat(first.getString("items[1].problem.code")).isEqualTo("worker.id-number.invalid");
        assertThat(first.getInt("items[1].problem.status")).isEqualTo(400);
        assertThat(first.getString("items[3].problem.code")).isEqualTo("worker.id-number.taken");
        assertThat(first.getInt("items[3].problem.status")).isEqualTo(409);
        assertThat(first.getString("items[4].problem.errors[0].field")).isEqualTo("name");
        assertThat(first.getString("items[5].problem.code")).isEqualTo("worker.pay-scale.grade");
        String hr1 = first.getString("items[0].workerId");
        String hr3 = first.getString("items[2].workerId");
        assertThat(((Number) single(db, "select count(*) from worker where employer_agency_id = ?", agency)).longValue())
                .isEqualTo(3);

        List<String> events = workerEvents(List.of(hr1, hr3), 2);
        JsonPath again = as(token).body(batch).post("/api/v1/workers/batch").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2))
                .body("rejected", equalTo(4)).extract().jsonPath();
        assertThat(again.getLong("items[0].version")).isEqualTo(first.getLong("items[0].version"));
        assertThat(again.getLong("items[2].version")).isEqualTo(first.getLong("items[2].version"));
        assertThat(workerEvents(List.of(hr1, hr3), 2)).hasSameSizeAs(events);

        // A real change in the HR system updates just that worker, with a new version and one new event.
        items.set(0, item("HR-1", (String) items.get(0).get("idNumber"), 7));
        JsonPath changed = as(token).body(Map.of("agencyId", agency.toString(), "items", items))
                .post("/api/v1/workers/batch").then().statusCode(200)
                .body("updated", equalTo(1)).body("unchanged", equalTo(1)).extract().jsonPath();
        assertThat(changed.getLong("items[0].version")).isGreaterThan(first.getLong("items[0].version"));
        assertThat(workerEvents(List.of(hr1, hr3), 3)).hasSize(3);
        as(token).get("/api/v1/workers/" + hr1).then().body("employment.grade", equalTo(7));
    }

    @Test
    void anotherAgencysBatchIsForbiddenAndTheChangeFeedPages() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID other = agency(db, HAINING, "ACTIVE", 1);
        as(agencyToken(other.toString())).body(Map.of("agencyId", agency.toString(), "items", List.of(item("X", idNumber(), 1))))
                .post("/api/v1/workers/batch").then().statusCode(403);
        String token = agencyToken(agency.toString());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(item("FEED-" + i, idNumber(), 3));
        }
        as(token).body(Map.of("agencyId", agency.toString(), "items", items)).post("/api/v1/workers/batch").then()
                .statusCode(200).body("created", equalTo(5));
        JsonPath page1 = as(token).get("/api/v1/workers?updatedSince=2000-01-01T00:00:00Z&limit=3").then().statusCode(200)
                .body("items.size()", equalTo(3)).extract().jsonPath();
        String cursor = page1.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        JsonPath page2 = as(token).get("/api/v1/workers?updatedSince=2000-01-01T00:00:00Z&limit=3&cursor=" + cursor).then()
                .statusCode(200).body("items.size()", equalTo(2)).extract().jsonPath();
        assertThat(page2.getString("nextCursor")).isNull();
        List<String> all = new ArrayList<>(page1.getList("items.externalId"));
        all.addAll(page2.getList("items.externalId"));
        assertThat(all).containsExactlyInAnyOrder("FEED-0", "FEED-1", "FEED-2", "FEED-3", "FEED-4");
        as(token).body(Map.of("agencyId", agency.toString(), "items", List.of())).post("/api/v1/workers/batch").then()
                .statusCode(400);
    }

    @Test
    void aBatchSentTwiceAtOnceCreatesEachWorkerOnceAndRefusesNone() throws Exception {
        // A phone that resends while its first attempt still commits: both requests look up the same
        // external ids before either inserted them.
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        String token = agencyToken(agency.toString());
        for (int round = 0; round < 3; round++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                items.add(item("RACE-" + round + "-" + i, idNumber(), 3));
            }
            Map<String, Object> batch = Map.of("agencyId", agency.toString(), "items", items);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> as(token).body(batch).post("/api/v1/workers/batch").then().statusCode(200)
                        .extract().jsonPath());
                var second = pool.submit(() -> as(token).body(batch).post("/api/v1/workers/batch").then().statusCode(200)
                        .extract().jsonPath());
                JsonPath a = first.get();
                JsonPath b = second.get();
                assertThat(a.getInt("rejected") + b.getInt("rejected")).as("refused items, round " + round).isZero();
                assertThat(a.getInt("created") + b.getInt("created")).isEqualTo(25);
                for (int i = 0; i < 25; i++) {
                    assertThat(a.getString("items[" + i + "].workerId")).isEqualTo(b.getString("items[" + i + "].workerId"));
                }
            } finally {
                pool.shutdown();
            }
            assertThat(((Number) single(db, "select count(*) from worker where employer_agency_id = ? and external_id like ?",
                    agency, "RACE-" + round + "-%")).longValue()).isEqualTo(25);
        }
    }

    private static List<String> workerEvents(List<String> keys, int atLeast) {
        var records = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> TopicReader.read("personnel.worker.v1", r -> keys.contains(r.key()), Duration.ofSeconds(2)),
                r -> r.size() >= atLeast);
        return records.stream().map(r -> TopicReader.header(r, "ce_id")).toList();
    }

    private static Map<String, Object> item(String externalId, String idNumber, int grade) {
        Map<String, Object> item = new HashMap<>();
        item.put("externalId", externalId);
        item.put("name", "批量 " + externalId);
        item.put("idNumber", idNumber);
        item.put("phone", mobile());
        item.put("education", "BACHELOR");
        item.put("socialWorkDegree", true);
        item.put("category", "PROJECT_WORKER");
        item.put("post", "SOCIAL_WORKER");
        item.put("grade", grade);
        item.put("employedFrom", "2024-03-01");
        return item;
    }
}
