package org.socialwork.projects.project;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.socialwork.projects.Fixtures.HAINING;
import static org.socialwork.projects.Fixtures.as;
import static org.socialwork.projects.Fixtures.bureau;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Every rule of a project's terms and lifecycle refuses with a clear problem and changes nothing. */
@QuarkusTest
class ProjectRulesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void fundingPartsThatDoNotAddUpToTheBudgetAreRefused() {
        Fixtures.World w = Fixtures.world(dataSource, 0);
        Map<String, Object> body = Fixtures.projectBody(w);
        body.put("funding", List.of(Map.of("source", "SOCIAL_ASSISTANCE_FUND", "amountFen", 80_000_000L),
                Map.of("source", "FISCAL_BUDGET", "amountFen", 30_000_000L)));
        as(bureau(HAINING)).body(body).post("/api/v1/projects").then().statusCode(422)
                .body("type", equalTo("urn:socialwork:problem:rule-violation"))
                .body("code", equalTo("project.funding.mismatch"))
                .body("detail", equalTo("各资金来源合计 110,000,000 分，与项目预算 120,000,000 分不一致。"));
        as(bureau(HAINING)).get("/api/v1/projects?status=DRAFT&limit=200").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.not(hasItem(body.get("code"))));
    }

    @Test
    void aStationOutsideThePurchasersRegionIsRefused() {
        Fixtures.World w = Fixtures.world(dataSource, 0);
        Map<String, Object> body = Fixtures.projectBody(w);
        body.put("stationIds", List.of(w.station(), w.outsideStation()));
        as(bureau(HAINING)).header("Accept-Language", "en").body(body).post("/api/v1/projects").then().statusCode(422)
                .body("code", equalTo("project.station.outside-region"))
                .body("detail", org.hamcrest.Matchers.containsString("outside the purchaser's region 330481"));
        body.put("stationIds", List.of(UUID.randomUUID()));
        as(bureau(HAINING)).body(body).post("/api/v1/projects").then().statusCode(422)
                .body("code", equalTo("project.station.unknown"));
    }

    @Test
    void aTownshipPurchasesForItsOwnStationAndAVillageOrUnknownCodeIsToldWhy() {
        Fixtures.World w = Fixtures.world(dataSource, 0);
        Map<String, Object> body = Fixtures.projectBody(w);
        body.put("purchaserRegionCode", Fixtures.TOWNSHIP);
        as(bureau(HAINING)).body(body).post("/api/v1/projects").then().statusCode(201)
                .body("purchaserRegionCode", equalTo(Fixtures.TOWNSHIP));

        Map<String, Object> unknown = Fixtures.projectBody(w);
        unknown.put("purchaserRegionCode", HAINING + "999");
        as(bureau(HAINING)).header("Accept-Language", "en").body(unknown).post("/api/v1/projects").then().statusCode(422)
                .body("code", equalTo("project.region.unknown"))
                .body("detail", equalTo("Region 330481999 does not exist or was retired."));
        Map<String, Object> village = Fixtures.projectBody(w);
        village.put("purchaserRegionCode", Fixtures.VILLAGE);
        as(bureau(HAINING)).header("Accept-Language", "en").body(village).post("/api/v1/projects").then().statusCode(400)
                .body("errors[0].field", equalTo("purchaserRegionCode"))
                .body("errors[0].message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("\\d")));
        as(bureau(HAINING)).get("/api/v1/projects?limit=200").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.not(hasItem(unknown.get("code"))))
                .body("items.code", org.hamcrest.Matchers.not(hasItem(village.get("code"))));
    }

    @Test
    void disbursementsBeyondTheBudgetAreRefused() {
        Fixtures.World w = Fixtures.world(dataSource, 0);
        String id = Fixtures.createProject(Fixtures.projectBody(w));
        String path = "/api/v1/projects/" + id;
        as(bureau(HAINING)).body(Map.of("amountFen", 100_000_000L, "plannedOn", "2024-07-15", "condition", "合同签订后"))
                .post(path + "/disbursements").then().statusCode(201).body("disbursements.size()", equalTo(1));
        as(bureau(HAINING)).body(Map.of("amountFen", 20_000_001L, "plannedOn", "2025-01-15", "condition", "中期评估后"))
                .post(path + "/disbursements").then().statusCode(422)
                .body("code", equalTo("project.disbursement.over-budget"));
        String disbursement = as(bureau(HAINING)).get(path).then().extract().path("disbursements[0].id");
        as(bureau(HAINING)).header("If-Match", Fixtures.etag(bureau(HAINING), path)).body(Map.of("paidOn", "2024-07-20"))
                .post(path + "/disbursements/" + disbursement + "/payment").then().statusCode(200)
                .body("disbursedFen", equalTo(100_000_000));
    }

    @Test
    void illegalTransitionsAreRefusedAndTerminationNeedsAReason() {
        Fixtures.World w = Fixtures.world(dataSource, 0);
        String id = Fixtures.createProject(Fixtures.projectBody(w));
        String path = "/api/v1/projects/" + id;
        String token = bureau(HAINING);
        as(token).header("If-Match", "\"0\"").body(Map.of("to", "IN_SERVICE")).post(path + "/transitions").then()
                .statusCode(422).body("code", equalTo("project.transition.illegal"));
        as(token).body(Map.of("to", "TENDERING")).post(path + "/transitions").then().statusCode(428);
        as(token).header("If-Match", "\"5\"").body(Map.of("to", "TENDERING")).post(path + "/transitions").then()
                .statusCode(412);
        as(token).header("If-Match", "\"0\"").body(Map.of("to", "TENDERING")).post(path + "/transitions").then()
                .statusCode(200).header("ETag", "\"1\"").body("status", equalTo("TENDERING"));
        as(token).header("If-Match", "\"1\"").body(Map.of("to", "CONTRACTED")).post(path + "/transitions").then()
                .statusCode(422).body("code", equalTo("project.contract.incomplete"));
        as(token).header("If-Match", "\"1\"").body(Map.of("to", "TERMINATED")).post(path + "/transitions").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        as(token).header("If-Match", "\"1\"").body(Map.of("to", "TERMINATED", "reason", "招标失败")).post(path + "/transitions")
                .then().statusCode(200).body("status", equalTo("TERMINATED")).body("terminationReason", equalTo("招标失败"));
        as(token).header("If-Match", "\"2\"").body(Map.of("to", "DRAFT")).post(path + "/transitions").then()
                .statusCode(422).body("code", equalTo("project.transition.illegal"));
    }

    @Test
    void termsChangeWithIfMatchAndTheSameRules() {
        Fixtures.World w = Fixtures.world(dataSource, 0);
        Map<String, Object> body = Fixtures.projectBody(w);
        String id = Fixtures.createProject(body);
        String path = "/api/v1/projects/" + id;
        body.remove("code");
        body.remove("purchaserRegionCode");
        body.put("contractNumber", "HNMZ-2026-001");
        body.put("budgetFen", 130_000_000L);
        as(bureau(HAINING)).body(body).put(path).then().statusCode(428);
        as(bureau(HAINING)).header("If-Match", "\"0\"").body(body).put(path).then().statusCode(422)
                .body("code", equalTo("project.funding.mismatch"));
        body.put("funding", List.of(Map.of("source", "FISCAL_BUDGET", "amountFen", 130_000_000L)));
        as(bureau(HAINING)).header("If-Match", "\"0\"").body(body).put(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("budgetFen", equalTo(130_000_000)).body("contractNumber", equalTo("HNMZ-2026-001"));
        as(bureau(HAINING)).header("If-Match", "\"0\"").body(body).put(path).then().statusCode(412);
        body.put("serviceItems", List.of("NO_SUCH_ITEM"));
        as(bureau(HAINING)).header("If-Match", "\"1\"").body(body).put(path).then().statusCode(422)
                .body("code", equalTo("catalogue.code.unknown"));
    }

    @Test
    void scopeHidesProjectsAndOnlyThePurchaserChangesThem() {
        Fixtures.World w = Fixtures.world(dataSource, 0);
        String id = Fixtures.createProject(Fixtures.projectBody(w));
        as(bureau(Fixtures.PINGHU)).get("/api/v1/projects/" + id).then().statusCode(404);
        as(Fixtures.agencyAdmin(w.agency())).get("/api/v1/projects/" + id).then().statusCode(200);
        as(Fixtures.agencyAdmin(UUID.randomUUID())).get("/api/v1/projects/" + id).then().statusCode(404);
        as(Fixtures.evaluator("evaluator-zj-001")).get("/api/v1/projects/" + id).then().statusCode(200);
        as(Fixtures.evaluator("evaluator-other")).get("/api/v1/projects/" + id).then().statusCode(404);
        as(Fixtures.agencyAdmin(w.agency())).header("If-Match", "\"0\"").body(Map.of("to", "TENDERING"))
                .post("/api/v1/projects/" + id + "/transitions").then().statusCode(403);
        as(bureau(Fixtures.PINGHU)).body(Fixtures.projectBody(w)).post("/api/v1/projects").then().statusCode(403);
    }
}
