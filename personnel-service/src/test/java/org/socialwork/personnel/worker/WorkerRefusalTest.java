package org.socialwork.personnel.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.adminToken;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.agencyToken;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.idNumber;
import static org.socialwork.personnel.PersonnelFixtures.mobile;
import static org.socialwork.personnel.PersonnelFixtures.single;
import static org.socialwork.personnel.PersonnelFixtures.withBadCheckDigit;
import static org.socialwork.personnel.PersonnelFixtures.workerBody;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.personnel.PersonnelFixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Hiring refuses what a bureau would refuse, and a refusal changes nothing. */
@QuarkusTest
@Tag("clock")
class WorkerRefusalTest {

    @Inject
    AgroalDataSource db;

    private long workers() {
        return ((Number) single(db, "select count(*) from worker")).longValue();
    }

    @Test
    void anIdNumberWithAWrongCheckDigitIsRefused() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        long before = workers();
        as(adminToken()).body(workerBody(agency, "STATION_FULL_TIME", withBadCheckDigit(idNumber()), mobile()))
                .post("/api/v1/workers").then().statusCode(400)
                .body("type", equalTo("urn:socialwork:problem:validation"))
                .body("code", equalTo("worker.id-number.invalid"))
                .body("errors.field", hasItem("idNumber"));
        assertThat(workers()).isEqualTo(before);
    }

    @Test
    void aDuplicateIdNumberIsRefusedEvenWithAnotherEmployer() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID other = agency(db, HAINING, "ACTIVE", 1);
        String id = idNumber();
        as(adminToken()).body(workerBody(agency, "STATION_FULL_TIME", id, mobile())).post("/api/v1/workers")
                .then().statusCode(201);
        long before = workers();
        // Lower-case x or not, the blind index sees the same person.
        as(adminToken()).body(workerBody(other, "PROJECT_WORKER", id.toLowerCase(), mobile())).post("/api/v1/workers")
                .then().statusCode(409)
                .body("code", equalTo("worker.id-number.taken"))
                .body("errors.field", hasItem("idNumber"));
        assertThat(workers()).isEqualTo(before);
    }

    @Test
    void anUnknownOrInactiveEmployerIsA422NamingTheField() {
        as(adminToken()).body(workerBody(UUID.randomUUID(), "STATION_FULL_TIME", idNumber(), mobile()))
                .post("/api/v1/workers").then().statusCode(422)
                .body("code", equalTo("worker.agency.unknown"))
                .body("errors.field", hasItem("employment.agencyId"));
        UUID suspended = agency(db, HAINING, "SUSPENDED", 1);
        as(adminToken()).body(workerBody(suspended, "STATION_FULL_TIME", idNumber(), mobile()))
                .post("/api/v1/workers").then().statusCode(422).body("code", equalTo("worker.agency.inactive"));
    }

    @Test
    void badPhoneAndOffScalePostAreRefused() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        as(adminToken()).body(workerBody(agency, "STATION_FULL_TIME", idNumber(), "12345"))
                .post("/api/v1/workers").then().statusCode(400).body("code", equalTo("worker.phone.invalid"));
        Map<String, Object> body = workerBody(agency, "STATION_FULL_TIME", idNumber(), mobile());
        body.put("employment", Map.of("agencyId", agency.toString(), "category", "STATION_FULL_TIME", "post", "SOCIAL_WORKER",
                "grade", 12, "from", "2024-01-01"));
        as(adminToken()).body(body).post("/api/v1/workers").then().statusCode(400).body("code", equalTo("worker.pay-scale.grade"));
        body.put("gender", "MALE");
        as(adminToken()).body(body).post("/api/v1/workers").then().statusCode(400)
                .body("type", equalTo("urn:socialwork:problem:unknown-field"));
    }

    @Test
    void anAgencyAdminHiresOnlyForItsOwnAgencyAndSeesOnlyItsStaff() {
        UUID mine = agency(db, HAINING, "ACTIVE", 1);
        UUID theirs = agency(db, HAINING, "ACTIVE", 1);
        String token = agencyToken(mine.toString());
        as(token).body(workerBody(theirs, "STATION_FULL_TIME", idNumber(), mobile())).post("/api/v1/workers")
                .then().statusCode(403);
        String own = as(token).body(workerBody(mine, "STATION_FULL_TIME", idNumber(), mobile())).post("/api/v1/workers")
                .then().statusCode(201).extract().path("id");
        UUID foreign = PersonnelFixtures.worker(theirs, "STATION_FULL_TIME");
        as(token).get("/api/v1/workers/" + own).then().statusCode(200);
        as(token).get("/api/v1/workers/" + foreign).then().statusCode(404);
        as(token).get("/api/v1/workers?agency=" + theirs).then().statusCode(200).body("items.size()", equalTo(0));
        // A field worker sees their own record only, and cannot change it.
        String field = PersonnelFixtures.token("fw", Set.of("field-worker"), null, null, own);
        as(field).get("/api/v1/workers/" + own).then().statusCode(200);
        as(field).get("/api/v1/workers/" + foreign).then().statusCode(404);
        String etag = PersonnelFixtures.etag(field, "/api/v1/workers/" + own);
        as(field).header("If-Match", etag).body(Map.of("name", "改名", "education", "MASTER", "socialWorkDegree", true))
                .put("/api/v1/workers/" + own).then().statusCode(403);
        // A bureau of another county does not see the worker at all.
        as(PersonnelFixtures.bureauToken("bureau-admin", "330482")).get("/api/v1/workers/" + own).then().statusCode(404);
        as(PersonnelFixtures.bureauToken("bureau-viewer", HAINING)).get("/api/v1/workers/" + own).then().statusCode(200);
    }

    @Test
    void updatesNeedIfMatchAndAFreshVersion() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID worker = PersonnelFixtures.worker(agency, "PROJECT_WORKER");
        Map<String, Object> change = Map.of("name", "李新名", "education", "MASTER", "socialWorkDegree", true);
        as(adminToken()).body(change).put("/api/v1/workers/" + worker).then().statusCode(428);
        as(adminToken()).header("If-Match", "\"99\"").body(change).put("/api/v1/workers/" + worker).then().statusCode(412);
        String etag = PersonnelFixtures.etag(adminToken(), "/api/v1/workers/" + worker);
        as(adminToken()).header("If-Match", etag).body(change).put("/api/v1/workers/" + worker).then().statusCode(200)
                .body("name", equalTo("李新名")).body("education", equalTo("MASTER"));
        assertThat(PersonnelFixtures.etag(adminToken(), "/api/v1/workers/" + worker)).isNotEqualTo(etag);
    }

    @Test
    void theQualificationLevelDerivesFromTheCertificateHistory() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID worker = PersonnelFixtures.worker(agency, "STATION_FULL_TIME");
        String suffix = worker.toString().substring(0, 8);
        as(adminToken()).body(Map.of("number", "A-" + suffix, "level", "ASSISTANT", "issuedOn", "2019-06-20",
                "issuer", "人力资源社会保障部", "registered", false))
                .post("/api/v1/workers/" + worker + "/certificates").then().statusCode(201)
                .body("qualificationLevel", equalTo("ASSISTANT")).body("registered", equalTo(false));
        as(adminToken()).body(Map.of("number", "I-" + suffix, "level", "INTERMEDIATE", "issuedOn", "2022-06-20",
                "issuer", "人力资源社会保障部", "registered", true))
                .post("/api/v1/workers/" + worker + "/certificates").then().statusCode(201)
                .body("qualificationLevel", equalTo("INTERMEDIATE")).body("registered", equalTo(true))
                .body("certificates.size()", equalTo(2));
        as(adminToken()).body(Map.of("number", "I-" + suffix, "level", "SENIOR", "issuedOn", "2023-06-20",
                "issuer", "人力资源社会保障部", "registered", true))
                .post("/api/v1/workers/" + worker + "/certificates").then().statusCode(409);
        as(adminToken()).get("/api/v1/workers/" + worker).then().body("qualificationLevel", equalTo("INTERMEDIATE"));
    }
}
