package org.socialwork.personnel.supervision;

import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.agencyToken;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.station;
import static org.socialwork.personnel.PersonnelFixtures.township;
import static org.socialwork.personnel.PersonnelFixtures.worker;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SupervisionTest {

    @Inject
    AgroalDataSource db;

    @Test
    void pairingsCollectSessionsAndTheirHours() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID supervisor = worker(agency, "SUPERVISOR");
        UUID worker = worker(agency, "STATION_FULL_TIME");
        UUID station = station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency);
        String token = agencyToken(agency.toString());
        String pairing = as(token).body(Map.of("supervisorId", supervisor.toString(), "workerId", worker.toString(),
                "from", "2024-01-01")).post("/api/v1/supervisions").then().statusCode(201).extract().path("id");
        as(token).body(Map.of("supervisorId", supervisor.toString(), "stationId", station.toString(), "from", "2024-01-01"))
                .post("/api/v1/supervisions").then().statusCode(201).body("regionCode", equalTo(
                        org.socialwork.personnel.PersonnelFixtures.single(db, "select region_code from station_replica where id = ?", station)));
        as(token).body(Map.of("supervisorId", supervisor.toString(), "workerId", worker.toString(),
                "stationId", station.toString(), "from", "2024-01-01")).post("/api/v1/supervisions").then().statusCode(400);
        as(token).body(Map.of("heldOn", "2024-03-01", "hours", 2, "topic", "个案督导")).post("/api/v1/supervisions/" + pairing + "/sessions")
                .then().statusCode(201);
        as(token).body(Map.of("heldOn", "2024-04-01", "hours", 1.5, "topic", "小组督导")).post("/api/v1/supervisions/" + pairing + "/sessions")
                .then().statusCode(201);
        as(token).get("/api/v1/supervisions/" + pairing).then().statusCode(200)
                .body("sessions.size()", equalTo(2)).body("totalHours", equalTo(3.5f));
    }
}
