package org.socialwork.projects.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.socialwork.projects.Fixtures.as;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

@QuarkusTest
@Tag("clock")
class ServiceRecordBatchTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void aBatchOfAThousandRecordsSyncedTwiceYieldsAThousandRecordsAndAThousandEvents() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String client = Fixtures.createClient(w, "批量探访对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        OffsetDateTime base = clock.now().minusDays(1);
        List<Map<String, Object>> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            records.add(Fixtures.visit(id, w, client, base.plusSeconds(i).toString()));
        }
        as(worker).body(Map.of("records", records)).post("/api/v1/service-records/batch").then().statusCode(200)
                .body("created", equalTo(1000)).body("unchanged", equalTo(0)).body("refused", equalTo(0))
                .body("items[999].status", equalTo("CREATED")).body("items[999].revision", equalTo(1));
        as(worker).body(Map.of("records", records)).post("/api/v1/service-records/batch").then().statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(1000)).body("items[0].status", equalTo("UNCHANGED"));

        assertThat(Fixtures.count(dataSource, "select count(*) from service_record where station_id = ?", w.station()))
                .isEqualTo(1000);
        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> TopicReader.read("projects.service-record.v1", r -> ids.contains(r.key()), Duration.ofSeconds(2)),
                        found -> found.size() >= 1000);
        assertThat(events).hasSize(1000);
        assertThat(events.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(1000);
        assertThat(events).allSatisfy(e -> assertThat(TopicReader.header(e, "ce_type"))
                .isEqualTo("org.socialwork.service-record.recorded.v1"));
    }

    @Test
    void aFieldWorkerListsItsOwnRecordsNotThoseOfAColleagueAtTheSameStation() {
        Fixtures.World w = Fixtures.world(dataSource, 2);
        String client = Fixtures.createClient(w, "同站对象");
        String author = Fixtures.fieldWorker(w.workers().get(0));
        String colleague = Fixtures.fieldWorker(w.workers().get(1));
        UUID own = UUID.randomUUID();
        as(author).body(Fixtures.visit(own, w, client, Fixtures.earlierToday(Duration.ofMinutes(5)).toString()))
                .post("/api/v1/service-records").then().statusCode(201);
        String list = "/api/v1/service-records?station=" + w.station();

        as(author).get(list).then().statusCode(200).body("items.id", hasItem(own.toString()));
        as(colleague).get("/api/v1/service-records/" + own).then().statusCode(404);
        as(colleague).get(list).then().statusCode(200).body("items.id", not(hasItem(own.toString())));
        as(Fixtures.agencyAdmin(w.agency())).get(list).then().statusCode(200).body("items.id", hasItem(own.toString()));
    }

    @Test
    void eachRecordOfABatchIsAnsweredOnItsOwn() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String client = Fixtures.createClient(w, "逐条应答对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        String at = clock.now().minusHours(2).toString();
        UUID good = UUID.randomUUID();
        UUID unknownClient = UUID.randomUUID();
        UUID otherStation = UUID.randomUUID();
        Map<String, Object> bad = Fixtures.visit(unknownClient, w, UUID.randomUUID().toString(), at);
        Map<String, Object> elsewhere = Fixtures.visit(otherStation, w, client, at);
        elsewhere.put("stationId", w.outsideStation());
        Map<String, Object> group = Fixtures.visit(UUID.randomUUID(), w, client, at);
        group.put("type", "GROUP_SESSION");
        group.put("clientIds", List.of());
        group.put("participantCount", 12);
        as(worker).body(Map.of("records", List.of(Fixtures.visit(good, w, client, at), bad, elsewhere, group)))
                .post("/api/v1/service-records/batch").then().statusCode(200)
                .body("created", equalTo(2)).body("refused", equalTo(2))
                .body("items[0].status", equalTo("CREATED"))
                .body("items[1].status", equalTo("REFUSED")).body("items[1].problem.code", equalTo("record.client.unknown"))
                .body("items[1].problem.status", equalTo(422))
                .body("items[2].problem.type", equalTo("urn:socialwork:problem:not-found"))
                .body("items[3].status", equalTo("CREATED"));
        as(worker).get("/api/v1/service-records/" + good).then().statusCode(200).header("ETag", "\"1\"")
                .body("clientIds", equalTo(List.of(client)));
        as(Fixtures.fieldWorker(UUID.randomUUID())).get("/api/v1/service-records/" + good).then().statusCode(404);

        // One record with an Idempotency-Key: a retry answers the same, a new id with the same key is refused.
        Map<String, Object> single = Fixtures.visit(UUID.randomUUID(), w, client, at);
        String key = UUID.randomUUID().toString();
        as(worker).header("Idempotency-Key", key).body(single).post("/api/v1/service-records").then().statusCode(201);
        as(worker).header("Idempotency-Key", key).body(single).post("/api/v1/service-records").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        as(worker).body(single).post("/api/v1/service-records").then().statusCode(200);
        single.put("id", UUID.randomUUID());
        as(worker).header("Idempotency-Key", key).body(single).post("/api/v1/service-records").then().statusCode(422);
    }
}
