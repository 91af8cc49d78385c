package org.socialwork.personnel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.bureauToken;
import static org.socialwork.personnel.PersonnelFixtures.etag;
import static org.socialwork.personnel.PersonnelFixtures.single;
import static org.socialwork.personnel.PersonnelFixtures.worker;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.Race;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sixteen writers holding the same ETag of a training or a dispatch programme: one wins, the
 * others are told the version moved (412), none gets a 500, and one change is published.
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static final int WRITERS = 16;

    @Inject
    AgroalDataSource db;

    @Test
    void attendanceRecordedAtOnceWithOneEtagHasOneWinner() throws Exception {
        UUID worker = worker(agency(db, HAINING, "ACTIVE", 1), "STATION_FULL_TIME");
        String bureau = bureauToken("bureau-admin", HAINING);
        String training = as(bureau).body(TrainingTest.training("并发培训", "2024-03-04", "2024-03-05", 16.0))
                .post("/api/v1/trainings").then().statusCode(201).extract().path("id");
        String path = "/api/v1/trainings/" + training;
        String etag = etag(bureau, path);
        long published = outboxRows(training);

        Map<Integer, Integer> statuses = Race.statuses(WRITERS, i -> as(bureau).header("If-Match", etag)
                .body(Map.of("hours", 1 + i % 8, "completed", true)).put(path + "/attendance/" + worker));

        assertThat(statuses).isEqualTo(Map.of(200, 1, 412, WRITERS - 1));
        assertThat(outboxRows(training)).isEqualTo(published + 1);
    }

    @Test
    void aProgrammeUpdatedAtOnceWithOneEtagHasOneWinner() throws Exception {
        String sender = bureauToken("bureau-admin", "33");
        String county = "5" + String.format("%05d", (int) (Math.random() * 99999));
        Map<String, Object> programme = Map.of("name", "三区计划 并发", "year", 2024, "sendingRegionCode", "3301",
                "sendingUnit", "杭州市春晖社会工作发展中心", "receivingCountyCode", county, "localTrainees", 5);
        String id = as(sender).body(programme).post("/api/v1/dispatch-programmes").then().statusCode(201)
                .extract().path("id");
        String path = "/api/v1/dispatch-programmes/" + id;
        String etag = etag(sender, path);
        long published = outboxRows(id);

        Map<Integer, Integer> statuses = Race.statuses(WRITERS, i -> {
            Map<String, Object> changed = new java.util.HashMap<>(programme);
            changed.put("localTrainees", 6 + i);
            return as(sender).header("If-Match", etag).body(changed).put(path);
        });

        assertThat(statuses).isEqualTo(Map.of(200, 1, 412, WRITERS - 1));
        assertThat(outboxRows(id)).isEqualTo(published + 1);
    }

    private long outboxRows(String key) {
        return ((Number) single(db, "select count(*) from outbox_event where event_key = ?", key)).longValue();
    }
}
