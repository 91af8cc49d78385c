package org.socialwork.projects.period;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.projects.Fixtures.as;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Locks come from reporting-service on reporting.period.v1; this test publishes them as it would. */
@QuarkusTest
@Tag("clock")
class PeriodLockTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void aLockedPeriodRefusesNewRecordsAndCorrectionsUnlessTheBureauGrantsAnException() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String client = Fixtures.createClient(w, "锁定期对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        // The business month before last: wholly past on any day, and no other test records into it.
        LocalDate start = clock.thisMonth().minusMonths(2).atDay(1);
        LocalDate end = start.plusMonths(1).minusDays(1);
        OffsetDateTime inside = clock.startOf(start.plusDays(3)).plusHours(10);
        UUID recorded = UUID.randomUUID();
        as(worker).body(Fixtures.visit(recorded, w, client, inside.toString())).post("/api/v1/service-records")
                .then().statusCode(201);

        String lockId = Fixtures.TOWNSHIP + ":MONTH:" + start + ":" + w.station();
        Fixtures.publishPeriodLock(lockId, 1, start, end, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.count(dataSource,
                "select count(*) from period_lock where id = ? and locked", lockId) == 1);

        as(worker).body(Fixtures.visit(UUID.randomUUID(), w, client, inside.plusHours(1).toString()))
                .post("/api/v1/service-records").then().statusCode(409)
                .body("type", equalTo("urn:socialwork:problem:period-locked"))
                .body("code", equalTo("record.period-locked"));
        Map<String, Object> correction = correction(inside, 60, client);
        String path = "/api/v1/service-records/" + recorded;
        as(worker).body(correction).put(path).then().statusCode(428);
        as(worker).header("If-Match", "\"1\"").header("Accept-Language", "en").body(correction).put(path).then()
                .statusCode(409).body("type", equalTo("urn:socialwork:problem:period-locked"))
                .body("title", equalTo("Reporting period locked"));
        as(worker).body(Map.of("recordId", recorded, "reason", "补录")).post("/api/v1/lock-exceptions").then().statusCode(403);
        as(Fixtures.bureau(Fixtures.PINGHU)).body(Map.of("recordId", recorded, "reason", "补录"))
                .post("/api/v1/lock-exceptions").then().statusCode(403);
        as(Fixtures.bureau(Fixtures.HAINING)).body(Map.of("recordId", recorded, "reason", "入户时长登记错误，经审核更正"))
                .post("/api/v1/lock-exceptions").then().statusCode(201);
        as(worker).header("If-Match", "\"1\"").body(correction).put(path).then().statusCode(200)
                .header("ETag", "\"2\"").body("revision", equalTo(2)).body("durationMinutes", equalTo(60));

        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicReader.read("projects.service-record.v1", r -> r.key().equals(recorded.toString()),
                        Duration.ofSeconds(1)), found -> found.size() >= 2);
        org.assertj.core.api.Assertions.assertThat(events.stream().map(e -> TopicReader.header(e, "ce_type")).toList())
                .containsExactly("org.socialwork.service-record.recorded.v1", "org.socialwork.service-record.corrected.v1");

        // A later snapshot with locked=false reopens the period.
        Fixtures.publishPeriodLock(lockId, 2, start, end, false);
        await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.count(dataSource,
                "select count(*) from period_lock where id = ? and not locked", lockId) == 1);
        as(worker).body(Fixtures.visit(UUID.randomUUID(), w, client, inside.plusHours(2).toString()))
                .post("/api/v1/service-records").then().statusCode(201);
    }

    private static Map<String, Object> correction(OffsetDateTime at, int minutes, String client) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "VISIT");
        body.put("occurredAt", at.toString());
        body.put("durationMinutes", minutes);
        body.put("clientIds", List.of(client));
        body.put("serviceItems", List.of("ELDERLY_CARE"));
        return body;
    }
}
