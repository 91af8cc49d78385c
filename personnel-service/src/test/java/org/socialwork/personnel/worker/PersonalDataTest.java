package org.socialwork.personnel.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.adminToken;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.bureauToken;
import static org.socialwork.personnel.PersonnelFixtures.idNumber;
import static org.socialwork.personnel.PersonnelFixtures.mobile;
import static org.socialwork.personnel.PersonnelFixtures.single;
import static org.socialwork.personnel.PersonnelFixtures.workerBody;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.personnel.PersonnelFixtures;
import org.socialwork.platform.personaldata.Masking;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * ID numbers and phones: encrypted at rest, masked without the permission, audited when shown,
 * and never on a topic or in the log.
 */
@QuarkusTest
class PersonalDataTest {

    private static final List<String> TOPICS = List.of("personnel.worker.v1", "personnel.assignment.v1",
            "personnel.training.v1", "personnel.dispatch.v1", "personnel.volunteer.v1");

    @Inject
    AgroalDataSource db;

    @Test
    void maskedWithoutThePermissionUnmaskedAndAuditedWithIt() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        String id = idNumber();
        String phone = mobile();
        String worker = as(adminToken()).body(workerBody(agency, "STATION_FULL_TIME", id, "+86 " + phone))
                .post("/api/v1/workers").then().statusCode(201)
                .body("idNumber", equalTo(Masking.idNumber(id)))
                .body("phone", equalTo(Masking.phone(phone)))
                .body("personalDataMasked", equalTo(true))
                .body("birthDate", equalTo(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)))
                .extract().path("id");
        // At rest: neither value appears in the row in clear.
        String row = (String) single(db, "select concat_ws('|', id_number_enc, id_number_index, phone_enc, phone_index) from worker where id = ?",
                UUID.fromString(worker));
        assertThat(row).doesNotContain(id).doesNotContain(phone);

        as(bureauToken("bureau-admin", HAINING)).get("/api/v1/workers/" + worker).then().statusCode(200)
                .body("idNumber", equalTo(Masking.idNumber(id))).body("phone", equalTo(Masking.phone(phone)));
        assertThat(audits(worker)).isZero();

        String reader = PersonnelFixtures.token("hr-officer-1", Set.of("bureau-admin", "personal-data"), HAINING, null, null);
        as(reader).header("X-Access-Purpose", java.net.URLEncoder.encode("核对备案材料", StandardCharsets.UTF_8)).get("/api/v1/workers/" + worker).then().statusCode(200)
                .body("idNumber", equalTo(id)).body("phone", equalTo(phone)).body("personalDataMasked", equalTo(false));
        as(reader).get("/api/v1/workers/" + worker + "?purpose=年度审核").then().statusCode(200).body("idNumber", equalTo(id));
        as(reader).body(Map.of("idNumber", id)).post("/api/v1/workers/lookup").then().statusCode(200)
                .body("id", equalTo(worker)).body("idNumber", equalTo(id));
        // Lists never unmask, so they write no audit rows.
        as(reader).get("/api/v1/workers?agency=" + agency).then().statusCode(200)
                .body("items[0].idNumber", equalTo(Masking.idNumber(id)));
        assertThat(audits(worker)).isEqualTo(3);

        as(bureauToken("bureau-admin", HAINING)).get("/api/v1/personal-data-access?worker=" + worker).then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items[0].actor", equalTo("hr-officer-1"))
                .body("items.purpose", org.hamcrest.Matchers.hasItems("核对备案材料", "年度审核"))
                .body("items[0].workerId", equalTo(worker));
        // Another county's bureau does not see these reads; an agency admin may not query the log.
        as(bureauToken("bureau-admin", "330482")).get("/api/v1/personal-data-access?worker=" + worker).then()
                .statusCode(200).body("items.size()", equalTo(0));
        as(PersonnelFixtures.agencyToken(agency.toString())).get("/api/v1/personal-data-access").then().statusCode(403);
    }

    @Test
    void lookupByIdNumberFindsOnlyWithinScope() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        String id = idNumber();
        as(adminToken()).body(workerBody(agency, "PROJECT_WORKER", id, mobile())).post("/api/v1/workers").then().statusCode(201);
        as(bureauToken("bureau-viewer", HAINING)).body(Map.of("idNumber", id)).post("/api/v1/workers/lookup").then()
                .statusCode(200).body("idNumber", equalTo(Masking.idNumber(id)));
        as(bureauToken("bureau-viewer", "330482")).body(Map.of("idNumber", id)).post("/api/v1/workers/lookup").then()
                .statusCode(404);
    }

    @Test
    void idNumbersAndPhonesNeverReachATopicOrTheLog() throws Exception {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        String id = idNumber();
        String phone = mobile();
        String worker = as(adminToken()).body(workerBody(agency, "STATION_FULL_TIME", id, phone))
                .post("/api/v1/workers").then().statusCode(201).extract().path("id");
        // A failing request with the same personal data: the refusal must not log it either.
        as(adminToken()).body(workerBody(agency, "STATION_FULL_TIME", id, phone)).post("/api/v1/workers").then().statusCode(409);
        as(adminToken()).body(workerBody(agency, "STATION_FULL_TIME", PersonnelFixtures.withBadCheckDigit(id), phone))
                .post("/api/v1/workers").then().statusCode(400);
        as(adminToken()).body(Map.of("idNumber", id)).post("/api/v1/workers/lookup").then().statusCode(200);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> TopicReader.read("personnel.worker.v1", r -> worker.equals(r.key()), Duration.ofSeconds(1)),
                records -> !records.isEmpty());
        for (String topic : TOPICS) {
            for (ConsumerRecord<String, byte[]> record : readAllIfExists(topic)) {
                String text = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(text).as(topic).doesNotContain(id).doesNotContain(phone).doesNotContain("张测试")
                        .doesNotContain("birthDate").doesNotContain("gender");
            }
        }
        Path log = Path.of("target/personnel-test.log");
        assertThat(log).exists();
        String content = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(content).doesNotContain(id).doesNotContain(id.substring(0, 17)).doesNotContain(phone);
    }

    private static List<ConsumerRecord<String, byte[]>> readAllIfExists(String topic) {
        try {
            return TopicReader.readAll(topic, Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private long audits(String worker) {
        return ((Number) single(db, "select count(*) from personal_data_access where subject_id = ?", UUID.fromString(worker)))
                .longValue();
    }

    @Test
    void aPlatformAdminQueriesTheAuditAndTheFilingsWithAnyFilter() {
        String admin = adminToken();
        as(admin).get("/api/v1/personal-data-access").then().statusCode(200);
        as(admin).get("/api/v1/personal-data-access?actor=hr-officer&from=2026-01-01T00:00:00Z&to=2026-12-31T16:00:00Z").then().statusCode(200);
        as(admin).get("/api/v1/personal-data-access?worker=" + java.util.UUID.randomUUID()).then().statusCode(200)
                .body("items.size()", equalTo(0));
        as(admin).get("/api/v1/filings?late=true&filed=false").then().statusCode(200);
        as(admin).get("/api/v1/filings?region=" + HAINING).then().statusCode(200);
        // A yes/no filter is true or false: anything else is refused by name, not read as false.
        for (String filter : List.of("filed", "late")) {
            as(admin).get("/api/v1/filings?" + filter + "=maybe").then().statusCode(400)
                    .body("errors[0].field", equalTo(filter));
        }
    }
}
