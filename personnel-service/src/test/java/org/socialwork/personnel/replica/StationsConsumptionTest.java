package org.socialwork.personnel.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialwork.personnel.PersonnelFixtures.AGENCY_EXAMPLE;
import static org.socialwork.personnel.PersonnelFixtures.STATIONS_SOURCE;
import static org.socialwork.personnel.PersonnelFixtures.STATION_EXAMPLE;
import static org.socialwork.personnel.PersonnelFixtures.replicaVersion;
import static org.socialwork.personnel.PersonnelFixtures.single;
import static org.socialwork.personnel.PersonnelFixtures.stationSnapshot;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.infra.testing.TopicWriter;
import org.socialwork.personnel.PersonnelFixtures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The station and agency replicas follow stations-service's snapshots once each, never backwards. */
@QuarkusTest
class StationsConsumptionTest {

    private static final String TYPE = "org.socialwork.station.changed.v1";

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper mapper;

    @Test
    void inboundRecordsReadTheProducersExamplePayloads() throws Exception {
        StationChanged station = mapper.readValue(Files.readString(STATION_EXAMPLE), StationChanged.class);
        assertThat(station.id()).isEqualTo(UUID.fromString("c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64"));
        assertThat(station.version()).isEqualTo(3L);
        assertThat(station.regionCode()).isEqualTo("330481001");
        assertThat(station.status()).isEqualTo("OPERATING");
        assertThat(station.operationMode()).isEqualTo("PURCHASED_SERVICE");
        assertThat(station.agencyId()).isEqualTo(UUID.fromString("7d1c3f0e-52a4-4c59-9a0b-2f5a1e6d8c31"));
        assertThat(station.level()).isEqualTo("TOWNSHIP_STATION");

        AgencyChanged agency = mapper.readValue(Files.readString(AGENCY_EXAMPLE), AgencyChanged.class);
        assertThat(agency.id()).isEqualTo(UUID.fromString("7d1c3f0e-52a4-4c59-9a0b-2f5a1e6d8c31"));
        assertThat(agency.version()).isEqualTo(2L);
        assertThat(agency.registrationRegion()).isEqualTo("330481");
        assertThat(agency.status()).isEqualTo("ACTIVE");
        assertThat(agency.name()).isEqualTo("海宁市启航社会工作服务中心");
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndAnOlderSnapshotIsIgnored() {
        UUID station = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        PersonnelFixtures.ensureStationTopics();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("stations.station.v1", first, STATIONS_SOURCE, TYPE, station.toString(),
                    named(stationSnapshot(station, 5, "330481001", "OPERATING", "GOVERNMENT_RUN", null), "甲").toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> replicaVersion(db, "station_replica", station) == 5);

            // The same event id again, even with another body, is a redelivery: the inbox drops it. Had it
            // been applied (version 6), the next event, also version 6, would be stale and never show.
            writer.send("stations.station.v1", first, STATIONS_SOURCE, TYPE, station.toString(),
                    named(stationSnapshot(station, 6, "330481001", "CLOSED", "GOVERNMENT_RUN", null), "乙").toString());
            writer.send("stations.station.v1", STATIONS_SOURCE, TYPE, station.toString(),
                    named(stationSnapshot(station, 6, "330481001", "OPERATING", "GOVERNMENT_RUN", null), "丙").toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> "丙".equals(single(db, "select name from station_replica where id = ?", station)));
            assertThat(single(db, "select status from station_replica where id = ?", station)).isEqualTo("OPERATING");
            assertThat(single(db, "select count(*) from inbox_event where event_id = ?", first)).isEqualTo(1L);

            // A newer snapshot, then an older one: once the older one is processed, the newer still stands.
            writer.send("stations.station.v1", STATIONS_SOURCE, TYPE, station.toString(),
                    named(stationSnapshot(station, 8, "330481001", "SUSPENDED", "GOVERNMENT_RUN", null), "丁").toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> replicaVersion(db, "station_replica", station) == 8);
            UUID stale = writer.send("stations.station.v1", STATIONS_SOURCE, TYPE, station.toString(),
                    named(stationSnapshot(station, 7, "330481001", "CLOSED", "GOVERNMENT_RUN", null), "戊").toString());
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> ((Number) single(db, "select count(*) from inbox_event where event_id = ?", stale)).longValue() == 1);
        }
        assertThat(replicaVersion(db, "station_replica", station)).isEqualTo(8L);
        assertThat(single(db, "select name from station_replica where id = ?", station)).isEqualTo("丁");
        assertThat(single(db, "select status from station_replica where id = ?", station)).isEqualTo("SUSPENDED");
    }

    @Test
    void aSnapshotWithoutVersionGoesToTheDeadLetterTopic() {
        UUID station = UUID.randomUUID();
        ObjectNode bad = stationSnapshot(station, 1, "330481001", "OPERATING", "GOVERNMENT_RUN", null);
        bad.remove("version");
        PersonnelFixtures.ensureStationTopics();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("stations.station.v1", STATIONS_SOURCE, TYPE, station.toString(), bad.toString());
        }
        var dead = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                () -> TopicReader.read("stations.station.v1.dlq", r -> station.toString().equals(r.key()),
                        Duration.ofSeconds(1)),
                records -> !records.isEmpty());
        assertThat(TopicReader.header(dead.get(0), "dlq-reason")).contains("version");
        assertThat(replicaVersion(db, "station_replica", station)).isEqualTo(-1L);
        assertThat(PersonnelFixtures.single(db, "select count(*) from station_replica where id = ?", station)).isEqualTo(0L);
    }

    private static ObjectNode named(ObjectNode station, String name) {
        station.put("name", name);
        return station;
    }
}
