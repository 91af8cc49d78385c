package org.socialwork.personnel.volunteer;

import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.agencyToken;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.assign;
import static org.socialwork.personnel.PersonnelFixtures.etag;
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
class VolunteerTest {

    @Inject
    AgroalDataSource db;

    @Test
    void regularVolunteersAreCountedPerRecruitingWorker() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID station = station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency);
        UUID elsewhere = station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency);
        UUID worker = worker(agency, "STATION_FULL_TIME");
        assign(worker, station, "2024-01-01");
        String token = agencyToken(agency.toString());
        String v1 = create(token, station, worker, "王志愿", 42.5, true);
        create(token, station, worker, "李志愿", 3, false);
        create(token, station, worker, "赵志愿", 12, true);
        as(token).body(Map.of("stationId", elsewhere.toString(), "recruitedByWorkerId", worker.toString(), "name", "钱志愿",
                "registeredOn", "2024-02-01", "serviceHours", 1, "regular", false))
                .post("/api/v1/volunteers").then().statusCode(422).body("code", equalTo("volunteer.recruiter"));
        as(token).get("/api/v1/workers/" + worker + "/volunteers").then().statusCode(200)
                .body("active", equalTo(3)).body("regular", equalTo(2)).body("serviceHours", equalTo(57.5f));
        as(token).header("If-Match", etag(token, "/api/v1/volunteers/" + v1))
                .body(Map.of("serviceHours", 50, "regular", false, "status", "ACTIVE"))
                .put("/api/v1/volunteers/" + v1).then().statusCode(200);
        as(token).get("/api/v1/workers/" + worker + "/volunteers").then().body("regular", equalTo(1));
    }

    private static String create(String token, UUID station, UUID worker, String name, double hours, boolean regular) {
        return as(token).body(Map.of("stationId", station.toString(), "recruitedByWorkerId", worker.toString(), "name", name,
                "registeredOn", "2024-02-01", "serviceHours", hours, "regular", regular))
                .post("/api/v1/volunteers").then().statusCode(201).extract().path("id");
    }
}
