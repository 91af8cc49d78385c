package org.socialwork.personnel.dishonesty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.adminToken;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.bureauToken;
import static org.socialwork.personnel.PersonnelFixtures.single;
import static org.socialwork.personnel.PersonnelFixtures.worker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.time.BusinessClock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** When a listing lapses, the worker is announced again as employable, once. */
@QuarkusTest
@Tag("clock")
class DishonestyExpiryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @Inject
    BusinessClock clock;

    @Test
    void aLapsedListingIsReannouncedOnTheWorkerTopic() throws Exception {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID worker = worker(agency, "PROJECT_WORKER");
        String listing = as(bureauToken("bureau-admin", HAINING))
                .body(Map.of("reason", "虚报服务时长", "listedOn", clock.today().minusDays(3).toString()))
                .post("/api/v1/workers/" + worker + "/dishonesty-listings").then().statusCode(201).extract().path("id");
        as(adminToken()).get("/api/v1/workers/" + worker).then().body("dishonestyListed", equalTo(true));
        as(adminToken()).get("/api/v1/dishonesty-listings/" + listing).then().statusCode(200)
                .body("id", equalTo(listing)).body("effective", equalTo(true));
        long listedVersion = as(adminToken()).get("/api/v1/workers/" + worker).then().extract().jsonPath().getLong("version");

        // Two years pass: the listing expires today, the first business day on which it no longer holds.
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("update dishonesty_listing set expires_on = ? where id = ?")) {
            s.setObject(1, clock.today());
            s.setObject(2, UUID.fromString(listing));
            s.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(
                single(db, "select expiry_announced from dishonesty_listing where id = ?", UUID.fromString(listing))));
        as(adminToken()).get("/api/v1/workers/" + worker).then().body("dishonestyListed", equalTo(false));

        var events = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicReader.read("personnel.worker.v1", r -> worker.toString().equals(r.key()), Duration.ofSeconds(1)),
                records -> records.stream().anyMatch(r -> version(r.value()) > listedVersion));
        var last = JSON.readTree(events.get(events.size() - 1).value());
        assertThat(last.get("dishonestyListed").asBoolean()).isFalse();
        assertThat(last.get("dishonestyListedUntil").isNull()).isTrue();
        assertThat(events.stream().filter(r -> version(r.value()) > listedVersion).count()).isEqualTo(1);
    }

    private static long version(byte[] value) {
        try {
            return JSON.readTree(value).get("version").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
