package org.socialwork.projects.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.infra.testing.TopicWriter;
import org.socialwork.projects.Fixtures;
import org.socialwork.projects.period.PeriodChanged;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReplicaConsumerTest {

    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void ourInboundRecordsReadTheProducersExamplePayloads() throws IOException {
        InboundEvents.WorkerChanged worker = read("../personnel-service/src/main/resources/events/examples/worker-changed.v1.json",
                InboundEvents.WorkerChanged.class);
        assertThat(worker.employerAgencyId()).isEqualTo(UUID.fromString("7d1c3f0e-52a4-4c59-9a0b-2f5a1e6d8c31"));
        assertThat(worker.category()).isEqualTo("STATION_FULL_TIME");
        assertThat(worker.qualificationLevel()).isEqualTo("INTERMEDIATE");
        assertThat(worker.registered()).isTrue();
        assertThat(worker.dishonestyListed()).isFalse();
        assertThat(worker.version()).isEqualTo(7);
        InboundEvents.AssignmentChanged assignment = read(
                "../personnel-service/src/main/resources/events/examples/assignment-changed.v1.json",
                InboundEvents.AssignmentChanged.class);
        assertThat(assignment.workerId()).isEqualTo(worker.id());
        assertThat(assignment.status()).isEqualTo("ACTIVE");
        InboundEvents.StationChanged station = read("../stations-service/src/main/resources/events/examples/station-changed.v1.json",
                InboundEvents.StationChanged.class);
        assertThat(station.regionCode()).isEqualTo("330481001");
        assertThat(station.agencyId()).isEqualTo(worker.employerAgencyId());
        InboundEvents.AgencyChanged agency = read("../stations-service/src/main/resources/events/examples/agency-changed.v1.json",
                InboundEvents.AgencyChanged.class);
        assertThat(agency.status()).isEqualTo("ACTIVE");
        InboundEvents.RegionChanged region = read("../stations-service/src/main/resources/events/examples/region-changed.v1.json",
                InboundEvents.RegionChanged.class);
        assertThat(region.level()).isEqualTo("TOWNSHIP");
        assertThat(region.parentCode()).isEqualTo("330481");
        PeriodChanged period = read("../reporting-service/src/main/resources/events/examples/period-locked.v1.json",
                PeriodChanged.class);
        assertThat(period.id()).isEqualTo("330481:MONTH:2024-09-01");
        assertThat(period.locked()).isTrue();
        assertThat(period.periodEnd()).hasToString("2024-09-30");
    }

    @Test
    void aRedeliveredEventAndAnOlderSnapshotChangeNothing() {
        Fixtures.World w = Fixtures.world(dataSource, 0);
        UUID worker = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("personnel.worker.v1", eventId, Fixtures.PERSONNEL_SOURCE, "org.socialwork.worker.changed.v1",
                    worker.toString(), workerJson(worker, w.agency(), 5, "ACTIVE"));
        }
        Fixtures.awaitRows(dataSource, "select count(*) from worker_replica where id = ? and version = 5", 1, worker);
        try (TopicWriter writer = new TopicWriter()) {
            // The same event id again, with a different body: a redelivery is recognised by its id.
            writer.send("personnel.worker.v1", eventId, Fixtures.PERSONNEL_SOURCE, "org.socialwork.worker.changed.v1",
                    worker.toString(), workerJson(worker, w.agency(), 6, "LEFT"));
            writer.send("personnel.worker.v1", Fixtures.PERSONNEL_SOURCE, "org.socialwork.worker.changed.v1",
                    worker.toString(), workerJson(worker, w.agency(), 3, "NOTICE_GIVEN"));
            // A marker after both, on the same key (same partition): once it is applied, both were processed.
            writer.send("personnel.worker.v1", Fixtures.PERSONNEL_SOURCE, "org.socialwork.worker.changed.v1",
                    worker.toString(), workerJson(worker, w.agency(), 8, "ACTIVE"));
        }
        Fixtures.awaitRows(dataSource, "select count(*) from worker_replica where id = ? and version = 8", 1, worker);
        assertThat(Fixtures.count(dataSource, "select count(*) from inbox_event where event_id = ?", eventId)).isEqualTo(1);
        assertThat(Fixtures.count(dataSource, "select count(*) from worker_replica where id = ? and status = 'ACTIVE'", worker))
                .isEqualTo(1);
    }

    @Test
    void aSnapshotThatCannotBeReadGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("stations.station.v1", Fixtures.STATIONS_SOURCE, "org.socialwork.station.changed.v1", key,
                    "{\"id\":\"" + key + "\",\"version\":1,\"name\":\"x\"}");
        }
        var dead = await().atMost(Duration.ofSeconds(60)).until(
                () -> TopicReader.read("stations.station.v1.dlq", r -> key.equals(r.key()), Duration.ofSeconds(1)),
                found -> !found.isEmpty());
        assertThat(TopicReader.header(dead.get(0), "dlq-reason")).contains("regionCode");
        assertThat(Fixtures.count(dataSource, "select count(*) from station_replica where id = ?", UUID.fromString(key)))
                .isZero();
    }

    @Test
    void operatorsSeeWhatHasBeenReplicated() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        Fixtures.as(Fixtures.bureau(Fixtures.HAINING)).get("/api/v1/replicas/stations?region=" + Fixtures.TOWNSHIP + "&limit=200")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(w.station().toString()))
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(w.outsideStation().toString())));
        Fixtures.as(Fixtures.agencyAdmin(w.agency())).get("/api/v1/replicas/workers").then().statusCode(200)
                .body("items[0].id", org.hamcrest.Matchers.equalTo(w.workers().get(0).toString()))
                .body("items[0].stationIds", org.hamcrest.Matchers.equalTo(java.util.List.of(w.station().toString())));
        Fixtures.as(Fixtures.admin()).get("/api/v1/replicas/regions?parent=" + Fixtures.TOWNSHIP).then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItem(Fixtures.VILLAGE));
        Fixtures.as(Fixtures.fieldWorker(w.workers().get(0))).get("/api/v1/replicas/workers").then().statusCode(403);
    }

    @Test
    void replicaListsArePagedWithACursorInsteadOfBeingCut() {
        Fixtures.World w = Fixtures.world(dataSource, 2);
        java.util.List<String> all = new java.util.ArrayList<>();
        String next = "/api/v1/replicas/workers?agency=" + w.agency() + "&limit=1";
        while (next != null) {
            var page = Fixtures.as(Fixtures.admin()).get(next).then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(1)).extract();
            all.addAll(page.path("items.id"));
            next = page.path("next");
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(w.workers().stream().map(UUID::toString).toList())
                .doesNotHaveDuplicates();
        Fixtures.as(Fixtures.admin()).get("/api/v1/replicas/stations?limit=201").then().statusCode(400);
        Fixtures.as(Fixtures.admin()).get("/api/v1/replicas/regions?parent=" + Fixtures.TOWNSHIP + "&cursor=bm9wZQ")
                .then().statusCode(400);
    }

    private static String workerJson(UUID id, UUID agency, long version, String status) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"employerAgencyId\":\"" + agency
                + "\",\"category\":\"PROJECT_WORKER\",\"qualificationLevel\":\"ASSISTANT\",\"registered\":true,"
                + "\"status\":\"" + status + "\",\"dishonestyListed\":false,\"dishonestyListedUntil\":null}";
    }

    private static <T> T read(String file, Class<T> type) throws IOException {
        return STRICT.readValue(Files.readString(Path.of(file)), type);
    }
}
