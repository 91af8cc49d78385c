package org.socialwork.projects.casework;

import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.projects.Fixtures.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@Tag("clock")
class CaseworkTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void aCaseIsOpenedHasSessionsIsReferredAndClosedWithAnOutcome() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String client = Fixtures.createClient(w, "个案对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        String id = as(worker).body(Map.of("clientId", client, "workerId", w.workers().get(0), "problemAreas",
                List.of("家庭关系", "心理情绪"), "plan", "每两周一次面谈")).post("/api/v1/cases").then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");
        UUID session = UUID.randomUUID();
        Map<String, Object> record = Fixtures.visit(session, w, client, clock.now().minusHours(1).toString());
        record.put("type", "CASE_SESSION");
        record.put("caseId", id);
        as(worker).body(record).post("/api/v1/service-records").then().statusCode(201);
        String path = "/api/v1/cases/" + id;
        as(worker).get(path).then().statusCode(200).body("sessionRecordIds", equalTo(List.of(session.toString())));
        as(worker).header("If-Match", "\"0\"").body(Map.of("reason", "需专业心理干预")).post(path + "/referral").then()
                .statusCode(400);
        as(worker).header("If-Match", "\"0\"").body(Map.of("toAgencyId", w.agency(), "reason", "需专业心理干预"))
                .post(path + "/referral").then().statusCode(200).body("status", equalTo("REFERRED"));
        as(worker).header("If-Match", "\"1\"").body(Map.of("outcome", "家庭关系改善，目标达成")).post(path + "/closure").then()
                .statusCode(200).body("status", equalTo("CLOSED"));
        as(worker).header("If-Match", "\"2\"").body(Map.of("outcome", "再次结案")).post(path + "/closure").then()
                .statusCode(409);
        as(Fixtures.fieldWorker(UUID.randomUUID())).get(path).then().statusCode(404);
    }
}
