package org.socialwork.personnel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.agencyToken;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.bureauToken;
import static org.socialwork.personnel.PersonnelFixtures.etag;
import static org.socialwork.personnel.PersonnelFixtures.worker;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TrainingTest {

    @Inject
    AgroalDataSource db;

    static Map<String, Object> training(String title, String startsOn, String endsOn, double hours) {
        return Map.of("title", title, "type", "PRE_JOB", "provider", "浙江省社会工作协会", "organizerRegionCode", HAINING,
                "hours", hours, "startsOn", startsOn, "endsOn", endsOn);
    }

    @Test
    void attendanceAddsUpToTrainingHoursPerWorkerAndYear() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID worker = worker(agency, "STATION_FULL_TIME");
        String bureau = bureauToken("bureau-admin", HAINING);
        String first = as(bureau).body(training("岗前培训", "2024-03-04", "2024-03-05", 16.0)).post("/api/v1/trainings")
                .then().statusCode(201).extract().path("id");
        String second = as(bureau).body(training("督导培训", "2024-09-10", "2024-09-10", 6.0)).post("/api/v1/trainings")
                .then().statusCode(201).extract().path("id");
        String other = as(bureau).body(training("继续教育", "2023-09-10", "2023-09-10", 8.0)).post("/api/v1/trainings")
                .then().statusCode(201).extract().path("id");
        for (String training : new String[] {first, second, other}) {
            double hours = training.equals(second) ? 4.5 : training.equals(first) ? 16 : 8;
            as(bureau).header("If-Match", etag(bureau, "/api/v1/trainings/" + training))
                    .body(Map.of("hours", hours, "completed", !training.equals(second)))
                    .put("/api/v1/trainings/" + training + "/attendance/" + worker).then().statusCode(200);
        }
        as(bureau).get("/api/v1/trainings/" + first).then().body("attendance.size()", equalTo(1))
                .body("attendance[0].workerId", equalTo(worker.toString()));
        as(bureau).get("/api/v1/workers/" + worker + "/training-hours?year=2024").then().statusCode(200)
                .body("hours", equalTo(20.5f)).body("trainings", equalTo(2)).body("completed", equalTo(1));
        as(bureau).get("/api/v1/workers/" + worker + "/training-hours?year=2023").then().body("hours", equalTo(8.0f));
        as(bureau).get("/api/v1/workers/" + worker + "/training-hours?year=99999").then().statusCode(400)
                .contentType("application/problem+json");

        as(bureau).header("If-Match", etag(bureau, "/api/v1/trainings/" + first)).body(Map.of("hours", 17, "completed", true))
                .put("/api/v1/trainings/" + first + "/attendance/" + worker).then().statusCode(400)
                .body("code", equalTo("training.hours"));
        as(bureau).body(training("倒序", "2024-03-05", "2024-03-04", 4)).post("/api/v1/trainings").then().statusCode(400);
        as(bureauToken("bureau-admin", "330482")).body(training("越权", "2024-03-04", "2024-03-05", 4))
                .post("/api/v1/trainings").then().statusCode(403);
    }

    @Test
    void anAgencyOfAnotherCountySeesNeitherTheTrainingNorItsAttendees() {
        UUID haining = agency(db, HAINING, "ACTIVE", 1);
        UUID colleague = agency(db, HAINING, "ACTIVE", 1);
        UUID pinghu = agency(db, "330482", "ACTIVE", 1);
        UUID nanhu = agency(db, "330402", "ACTIVE", 1);
        UUID worker = worker(haining, "STATION_FULL_TIME");
        UUID colleagueWorker = worker(colleague, "STATION_FULL_TIME");
        String bureau = bureauToken("bureau-admin", HAINING);
        String training = as(bureau).body(training("岗前培训", "2024-03-04", "2024-03-05", 16.0)).post("/api/v1/trainings")
                .then().statusCode(201).extract().path("id");
        for (UUID attendee : new UUID[] {worker, colleagueWorker}) {
            as(bureau).header("If-Match", etag(bureau, "/api/v1/trainings/" + training))
                    .body(Map.of("hours", 16, "completed", true))
                    .put("/api/v1/trainings/" + training + "/attendance/" + attendee).then().statusCode(200);
        }
        String path = "/api/v1/trainings/" + training;

        as(agencyToken(pinghu.toString())).get(path).then().statusCode(404);
        as(agencyToken(nanhu.toString())).get(path).then().statusCode(404);
        as(bureauToken("bureau-viewer", "330482")).get(path).then().statusCode(404);
        // A Haining agency sees the county's training, and of the attendees only its own staff.
        as(agencyToken(haining.toString())).get(path).then().statusCode(200)
                .body("attendance.workerId", org.hamcrest.Matchers.contains(worker.toString()));
        as(bureau).get(path).then().statusCode(200).body("attendance.size()", equalTo(2));
    }

    @Test
    void anOrganizerCannotRecordAttendanceOfAWorkerOutsideItsScope() {
        UUID elsewhere = agency(db, "330482", "ACTIVE", 1);
        UUID outsider = worker(elsewhere, "STATION_FULL_TIME");
        String bureau = bureauToken("bureau-admin", HAINING);
        String id = as(bureau).body(training("岗前培训", "2024-03-04", "2024-03-05", 16.0)).post("/api/v1/trainings")
                .then().statusCode(201).extract().path("id");
        String path = "/api/v1/trainings/" + id;
        String etagBefore = etag(bureau, path);

        as(bureau).header("If-Match", etagBefore).body(Map.of("hours", 16, "completed", true))
                .put(path + "/attendance/" + outsider).then().statusCode(404).body("status", equalTo(404));

        as(bureauToken("bureau-admin", "330482")).get("/api/v1/workers/" + outsider + "/training-hours?year=2024").then()
                .statusCode(200).body("trainings", equalTo(0));
        as(bureau).get(path).then().body("attendance.size()", equalTo(0));
        assertThat(etag(bureau, path)).isEqualTo(etagBefore);
    }
}
