package org.socialwork.stations.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.infra.testing.EventContract.assertCleanupPolicy;
import static org.socialwork.infra.testing.EventContract.assertCloudEvents;
import static org.socialwork.infra.testing.EventContract.assertNoPersonalDataOnTopic;
import static org.socialwork.infra.testing.EventContract.awaitEvents;
import static org.socialwork.stations.station.StationFixtures.HAINING;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.as;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.AsyncApiDocument;
import org.socialwork.infra.testing.EventContract;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.stations.region.RegionFixtures;
import org.socialwork.stations.station.StationFixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The events on the real topics keep the contract that the schemas and the AsyncAPI document publish. */
@QuarkusTest
class EventContractTest {

    private static final String SOURCE = "urn:socialwork:service:stations-service";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void theAsyncApiDocumentIsValidAsyncApiAndEveryExampleKeepsItsMessage() {
        AsyncApiDocument document = EventContract.asyncApi();
        assertThat(document.addresses()).containsExactlyInAnyOrder("stations.region.v1", "stations.station.v1", "stations.agency.v1");
        assertThat(document.exampleFiles()).as("every message's example, validated against its payload schema")
                .containsExactlyInAnyOrder("examples/region-changed.v1.json", "examples/station-changed.v1.json",
                        "examples/agency-changed.v1.json");
    }

    @Test
    void everyChannelOfTheAsyncApiDocumentIsATopicOnTheBroker() {
        assertThat(EventContract.assertEveryChannelExists(Duration.ofSeconds(60)))
                .containsExactlyInAnyOrder("stations.region.v1", "stations.station.v1", "stations.agency.v1");
    }

    @Test
    void publishedStationAndAgencyEventsKeepTheContract() {
        StationFixtures.ensureRegions(dataSource);
        String agency = StationFixtures.createAgency(HAINING);
        Map<String, Object> body = StationFixtures.stationBody("TOWNSHIP_STATION",
                StationFixtures.freeTownship(dataSource, HAINING));
        body.put("operationMode", "PURCHASED_SERVICE");
        body.put("agencyId", agency);
        body.put("contactNote", "工作日找王女士");
        body.put("designations", List.of(Map.of("kind", "DEMONSTRATION", "level", "MUNICIPAL", "year", 2024)));
        body.put("facilities", Map.of("floorAreaM2", 120, "rooms", List.of("CASE_ROOM"), "coLocations", List.of()));
        body.put("position", Map.of("latitude", 30.51, "longitude", 120.68, "crs", "GCJ02"));
        String station = StationFixtures.createStation(body);
        String etag = StationFixtures.etag(adminToken(), "/api/v1/stations/" + station);
        as(adminToken()).header("If-Match", etag).body(Map.of("to", "ESTABLISHED", "effectiveDate", "2024-03-01"))
                .post("/api/v1/stations/" + station + "/transitions").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> stationEvents = awaitEvents("stations.station.v1", station, 2);
        List<ConsumerRecord<String, byte[]>> agencyEvents = awaitEvents("stations.agency.v1", agency, 1);

        assertCloudEvents(stationEvents, SOURCE, "org.socialwork.station.changed.v1");
        assertCloudEvents(agencyEvents, SOURCE, "org.socialwork.agency.changed.v1");
        assertThat(stationEvents.stream().map(EventContract::version).toList()).containsExactly(0L, 1L);
        // The registration holds from today; the transition from its own, earlier, effective date.
        assertThat(stationEvents.stream().map(r -> EventContract.payload(r).get("effectiveOn").asText()).toList())
                .containsExactly(clock.today().toString(), "2024-03-01");

        // Entity topics keep the newest snapshot per aggregate: consumers rebuild read models from them.
        for (String topic : List.of("stations.station.v1", "stations.agency.v1")) {
            assertCleanupPolicy(topic, "compact");
        }

        for (String topic : List.of("stations.station.v1", "stations.agency.v1")) {
            assertNoPersonalDataOnTopic(topic, Duration.ofSeconds(1), "王女士", "王主任", "office@example.org");
        }
    }

    @Test
    void publishedRegionEventsKeepTheContract() {
        // Imported through the API (SQL fixtures publish nothing); a second import in this JVM publishes nothing new.
        Path dongcheng = RegionFixtures.fixture("dongcheng");
        Map<String, Path> files = new LinkedHashMap<>();
        for (String part : List.of("provinces", "cities", "areas", "streets", "villages")) {
            if (Files.isRegularFile(dongcheng.resolve(part + ".csv"))) {
                files.put(part, dongcheng.resolve(part + ".csv"));
            }
        }
        String job = RegionFixtures.upload(adminToken(), files).post("/api/v1/admin/region-imports").then().statusCode(202)
                .extract().header("Location");
        assertThat(RegionFixtures.awaitJob(job, Duration.ofSeconds(30)).getString("state")).isEqualTo("SUCCEEDED");
        awaitEvents("stations.region.v1", "110101001", 1);

        List<ConsumerRecord<String, byte[]>> regions = TopicReader.read("stations.region.v1",
                r -> r.key() != null && r.key().startsWith("110101"), Duration.ofSeconds(2));
        assertThat(regions).hasSizeGreaterThanOrEqualTo(18);
        for (ConsumerRecord<String, byte[]> record : regions) {
            assertThat(EventContract.assertKeepsDocument(record).name()).isEqualTo("org.socialwork.region.changed.v1");
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo(SOURCE);
            assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(EventContract.payload(record).get("code").asText()).isEqualTo(record.key());
        }
        assertCleanupPolicy("stations.region.v1", "compact");
    }
}
