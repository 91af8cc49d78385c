package org.socialwork.personnel.departure;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.adminToken;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.agencyToken;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.assign;
import static org.socialwork.personnel.PersonnelFixtures.bureauToken;
import static org.socialwork.personnel.PersonnelFixtures.etag;
import static org.socialwork.personnel.PersonnelFixtures.station;
import static org.socialwork.personnel.PersonnelFixtures.township;
import static org.socialwork.personnel.PersonnelFixtures.worker;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Notice with its minimum and maximum, leave that ends assignments, churn per agency. */
@QuarkusTest
class DepartureTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aNoticeShorterThanThirtyDaysIsRefusedUnlessAReplacementIsNamed() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID worker = worker(agency, "PROJECT_WORKER");
        String token = agencyToken(agency.toString());
        String path = "/api/v1/workers/" + worker;
        as(token).header("If-Match", etag(token, path))
                .body(Map.of("noticeDate", "2024-09-01", "plannedLeaveOn", "2024-09-20"))
                .post(path + "/departure/notice").then().statusCode(422)
                .body("code", equalTo("departure.notice.too-short")).body("errors.field", hasItem("plannedLeaveOn"));
        as(token).header("If-Match", etag(token, path))
                .body(Map.of("noticeDate", "2024-09-01", "plannedLeaveOn", "2024-11-15"))
                .post(path + "/departure/notice").then().statusCode(422).body("code", equalTo("departure.notice.too-long"));
        as(token).get(path).then().body("status", equalTo("ACTIVE"));

        UUID replacement = worker(agency, "PROJECT_WORKER");
        as(token).header("If-Match", etag(token, path))
                .body(Map.of("noticeDate", "2024-09-01", "plannedLeaveOn", "2024-09-20", "replacementWorkerId", replacement.toString()))
                .post(path + "/departure/notice").then().statusCode(200)
                .body("replacementWorkerId", equalTo(replacement.toString()));
        as(token).get(path).then().body("status", equalTo("NOTICE_GIVEN"));
    }

    @Test
    void leavingEndsAssignmentsAndCountsAsChurn() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID station = station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency);
        UUID stays = worker(agency, "STATION_FULL_TIME");
        UUID leaves = worker(agency, "STATION_FULL_TIME");
        UUID assignment = assign(leaves, station, "2024-02-01");
        String token = agencyToken(agency.toString());
        String path = "/api/v1/workers/" + leaves;
        String stats = "/api/v1/departures/stats?agency=" + agency + "&from=2024-01-01&to=2024-12-31";
        as(token).get(stats).then().statusCode(200).body("departures", equalTo(0)).body("headcountAtStart", equalTo(2));

        as(token).header("If-Match", etag(token, path)).body(Map.of("leftOn", "2024-10-31"))
                .post(path + "/departure/leave").then().statusCode(422).body("code", equalTo("departure.no-notice"));
        as(token).header("If-Match", etag(token, path))
                .body(Map.of("noticeDate", "2024-09-01", "plannedLeaveOn", "2024-10-31", "reason", "考研"))
                .post(path + "/departure/notice").then().statusCode(200);
        as(token).header("If-Match", etag(token, path)).body(Map.of("leftOn", "2024-10-31"))
                .post(path + "/departure/leave").then().statusCode(200).body("leftOn", equalTo("2024-10-31"));

        as(token).get(path).then().body("status", equalTo("LEFT")).body("stationAssignments.size()", equalTo(0))
                .body("employment.until", equalTo("2024-10-31"));
        as(token).get("/api/v1/assignments/" + assignment).then().body("status", equalTo("ENDED")).body("to", equalTo("2024-10-31"));
        as(token).get("/api/v1/filings?worker=" + leaves + "&filed=false").then()
                .body("items.kind", hasItem("END"));
        as(token).get(stats).then().body("departures", equalTo(1)).body("churnRate", equalTo(0.5f));
        as(bureauToken("bureau-viewer", HAINING)).get(stats).then().statusCode(200).body("departures", equalTo(1));
        as(bureauToken("bureau-viewer", "330482")).get(stats).then().statusCode(404);
        as(adminToken()).get("/api/v1/departures/stats?agency=" + agency + "&from=2024-11-01&to=2024-12-31").then()
                .body("departures", equalTo(0));
        // Gone is gone: no new assignment for a worker who left.
        as(adminToken()).body(Map.of("workerId", leaves.toString(), "stationId", station.toString(), "role", "ASSISTANT",
                "from", "2024-11-05")).post("/api/v1/assignments").then().statusCode(422);
        as(token).get("/api/v1/workers/" + stays).then().body("status", equalTo("ACTIVE"));
    }
}
