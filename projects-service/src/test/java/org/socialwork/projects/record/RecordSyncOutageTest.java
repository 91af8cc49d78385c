package org.socialwork.projects.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.projects.Fixtures.as;

import java.time.Duration;
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
import org.socialwork.infra.testing.TestInfrastructure;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** A phone syncing while the broker is down loses nothing: the records commit, their events follow once. */
@QuarkusTest
@Tag("clock")
class RecordSyncOutageTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void aBatchSyncedWhileTheBrokerIsDownIsPublishedOnceWhenItReturns() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String client = Fixtures.createClient(w, "断网同步对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        List<Map<String, Object>> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            records.add(Fixtures.visit(id, w, client, clock.now().minusHours(5).plusSeconds(i).toString()));
        }
        TestInfrastructure.kafka().stop();
        try {
            as(worker).body(Map.of("records", records)).post("/api/v1/service-records/batch").then().statusCode(200)
                    .body("created", equalTo(50));
            assertThat(Fixtures.count(dataSource, "select count(*) from outbox_event where topic = 'projects.service-record.v1'"
                    + " and sent_at is null and event_key = any(?)", (Object) ids.toArray(String[]::new))).isEqualTo(50);
        } finally {
            TestInfrastructure.kafka().start(Duration.ofSeconds(90));
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> TopicReader
                .read("projects.service-record.v1", r -> ids.contains(r.key()), Duration.ofSeconds(1)).size() >= 50);
        List<ConsumerRecord<String, byte[]>> published = TopicReader.read("projects.service-record.v1",
                r -> ids.contains(r.key()), Duration.ofSeconds(3));
        assertThat(published).hasSize(50);
        assertThat(published.stream().map(r -> TopicReader.header(r, "ce_id")).distinct()).hasSize(50);
    }
}
