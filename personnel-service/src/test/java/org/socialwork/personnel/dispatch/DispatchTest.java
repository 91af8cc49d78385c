package org.socialwork.personnel.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.personnel.PersonnelFixtures.agency;
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
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DispatchTest {

    @Inject
    AgroalDataSource db;

    @Test
    void programmesCountDispatchedWorkersAndLocalTraineesPerProgrammeAndCounty() {
        String county = "5" + String.format("%05d", (int) (Math.random() * 99999));
        UUID agency = agency(db, "3301", "ACTIVE", 1);
        UUID a = worker(agency, "PROJECT_WORKER");
        UUID b = worker(agency, "PROJECT_WORKER");
        String sender = bureauToken("bureau-admin", "33");
        Map<String, Object> programme = Map.of("name", "三区计划 2024", "year", 2024, "sendingRegionCode", "3301",
                "sendingUnit", "杭州市春晖社会工作发展中心", "receivingCountyCode", county, "localTrainees", 5);
        String id = as(sender).body(programme).post("/api/v1/dispatch-programmes").then().statusCode(201)
                .body("workersDispatched", equalTo(0)).extract().path("id");
        for (UUID w : new UUID[] {a, b}) {
            as(sender).header("If-Match", etag(sender, "/api/v1/dispatch-programmes/" + id))
                    .body(Map.of("from", "2024-04-01", "to", "2024-12-31"))
                    .put("/api/v1/dispatch-programmes/" + id + "/dispatches/" + w).then().statusCode(200);
        }
        as(sender).header("If-Match", etag(sender, "/api/v1/dispatch-programmes/" + id))
                .body(Map.of("from", "2025-04-01", "to", "2025-12-31"))
                .put("/api/v1/dispatch-programmes/" + id + "/dispatches/" + a).then().statusCode(400);
        as(sender).get("/api/v1/dispatch-programmes/" + id).then().body("workersDispatched", equalTo(2))
                .body("localTrainees", equalTo(5));
        as(sender).body(Map.of("name", "三区计划 2024 第二批", "year", 2024, "sendingRegionCode", "3301",
                "sendingUnit", "杭州市春晖社会工作发展中心", "receivingCountyCode", county, "localTrainees", 3))
                .post("/api/v1/dispatch-programmes").then().statusCode(201);
        JsonPath totals = as(sender).get("/api/v1/dispatch-programmes/totals?year=2024&county=" + county).then()
                .statusCode(200).extract().jsonPath();
        assertThat(totals.getList("$")).hasSize(1);
        assertThat(totals.getInt("[0].programmes")).isEqualTo(2);
        assertThat(totals.getInt("[0].workersDispatched")).isEqualTo(2);
        assertThat(totals.getInt("[0].localTrainees")).isEqualTo(8);
        as(sender).get("/api/v1/dispatch-programmes/totals?year=1999").then().statusCode(400)
                .contentType("application/problem+json");
        // The receiving county's bureau sees the programme; a bureau elsewhere does not.
        as(bureauToken("bureau-viewer", county)).get("/api/v1/dispatch-programmes/" + id).then().statusCode(200);
        as(bureauToken("bureau-viewer", "330482")).get("/api/v1/dispatch-programmes/" + id).then().statusCode(404);
        as(bureauToken("bureau-admin", "330482")).body(programme).post("/api/v1/dispatch-programmes").then().statusCode(403);
    }

    @Test
    void aPlatformAdminReadsTheTotalsNationallyWithAndWithoutFilters() {
        String admin = org.socialwork.personnel.PersonnelFixtures.adminToken();
        as(admin).get("/api/v1/dispatch-programmes/totals?year=2026").then().statusCode(200);
        as(admin).get("/api/v1/dispatch-programmes/totals?year=2026&county=330481").then().statusCode(200);
    }

    @Test
    void aBureauCannotDispatchAWorkerOutsideItsScopeAndLearnsNothingOfThem() {
        UUID guangdong = agency(db, "4401", "ACTIVE", 1);
        UUID outsider = worker(guangdong, "PROJECT_WORKER");
        String sender = bureauToken("bureau-admin", "33");
        String id = as(sender).body(Map.of("name", "三区计划 2024", "year", 2024, "sendingRegionCode", "3301",
                "sendingUnit", "杭州市春晖社会工作发展中心", "receivingCountyCode", "522301", "localTrainees", 0))
                .post("/api/v1/dispatch-programmes").then().statusCode(201).extract().path("id");
        String path = "/api/v1/dispatch-programmes/" + id;
        String etagBefore = etag(sender, path);

        String unknownWorker = as(sender).header("If-Match", etagBefore).body(Map.of("from", "2024-04-01", "to", "2024-12-31"))
                .put(path + "/dispatches/" + UUID.randomUUID()).then().statusCode(404).extract().path("detail");
        String outsiderDetail = as(sender).header("If-Match", etagBefore).body(Map.of("from", "2024-04-01", "to", "2024-12-31"))
                .put(path + "/dispatches/" + outsider).then().statusCode(404).extract().path("detail");

        assertThat(outsiderDetail.replace(outsider.toString(), "?"))
                .as("an unseen worker answers like one that does not exist")
                .isEqualTo(unknownWorker.replaceAll("[0-9a-f-]{36}", "?"));
        as(sender).get(path).then().body("workersDispatched", equalTo(0));
        assertThat(etag(sender, path)).isEqualTo(etagBefore);
    }
}
