package org.socialwork.stations.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialwork.stations.station.StationFixtures.JIAXING;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.as;
import static org.socialwork.stations.station.StationFixtures.freeTownship;
import static org.socialwork.stations.station.StationFixtures.stationBody;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TestInfrastructure;
import org.socialwork.infra.testing.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StationOutboxOutageTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void aStationCreatedWhileTheBrokerIsDownIsPublishedOnceWhenItReturns() throws Exception {
        StationFixtures.ensureRegions(dataSource);
        String id;
        TestInfrastructure.kafka().stop();
        try {
            id = as(adminToken()).body(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)))
                    .post("/api/v1/stations").then().statusCode(201).extract().path("id");
            assertThat(StationFixtures.single(dataSource,
                    "select count(*) from outbox_event where event_key = ? and sent_at is null", id)).isEqualTo("1");
        } finally {
            TestInfrastructure.kafka().start(Duration.ofSeconds(90));
        }

        String key = id;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !TopicReader.read(StationChangedEvent.TOPIC, r -> key.equals(r.key()), Duration.ofSeconds(1)).isEmpty());
        // Read again after a quiet spell, so that a late duplicate from a retry would be seen too.
        List<ConsumerRecord<String, byte[]>> records =
                TopicReader.read(StationChangedEvent.TOPIC, r -> key.equals(r.key()), Duration.ofSeconds(3));
        assertThat(records).hasSize(1);
        assertThat(records.stream().map(r -> TopicReader.header(r, "ce_id")).distinct()).hasSize(1);
        JsonNode payload = mapper.readTree(records.get(0).value());
        assertThat(payload.get("version").asLong()).isZero();
        assertThat(payload.get("status").asText()).isEqualTo("PLANNED");
        assertThat(StationFixtures.single(dataSource,
                "select count(*) from outbox_event where event_key = ? and sent_at is not null", id)).isEqualTo("1");
    }
}
