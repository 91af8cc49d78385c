package org.socialwork.projects.disclosure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.socialwork.projects.Fixtures.HAINING;
import static org.socialwork.projects.Fixtures.as;
import static org.socialwork.projects.Fixtures.bureau;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
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
class DisclosureTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void theDisclosureIsOpenWithoutATokenAndShowsFiguresButNoPerson() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        Map<String, Object> body = Fixtures.projectBody(w);
        String project = Fixtures.createProject(body);
        String code = (String) body.get("code");
        given().get("/api/v1/public/projects/" + code + "/disclosure?month=" + clock.thisMonth()).then().statusCode(404);
        Fixtures.addMember(project, w.workers().get(0), "PROJECT_LEAD");
        Fixtures.advance(project, "IN_SERVICE");
        LocalDate today = clock.today();
        as(bureau(HAINING)).body(Map.of("amountFen", 36_000_000L, "plannedOn", today.toString(), "condition", "合同签订后"))
                .post("/api/v1/projects/" + project + "/disbursements").then().statusCode(201);
        String path = "/api/v1/projects/" + project;
        String disbursement = as(bureau(HAINING)).get(path).then().extract().path("disbursements[0].id");
        as(bureau(HAINING)).header("If-Match", Fixtures.etag(bureau(HAINING), path)).body(Map.of("paidOn", today.toString()))
                .post(path + "/disbursements/" + disbursement + "/payment").then().statusCode(200);
        String client = Fixtures.createClient(w, "公示检查对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        // Earlier today, so the records fall in this month's figures at any hour (also just after midnight).
        for (int i = 0; i < 3; i++) {
            Map<String, Object> visit = Fixtures.visit(UUID.randomUUID(), w, client,
                    Fixtures.earlierToday(Duration.ofMinutes(30 + i)).toString());
            visit.put("projectId", project);
            as(worker).body(visit).post("/api/v1/service-records").then().statusCode(201);
        }
        Map<String, Object> group = Fixtures.visit(UUID.randomUUID(), w, client,
                Fixtures.earlierToday(Duration.ofMinutes(30)).toString());
        group.put("projectId", project);
        group.put("type", "GROUP_SESSION");
        group.put("clientIds", List.of());
        group.put("participantCount", 15);
        group.put("durationMinutes", 90);
        as(worker).body(group).post("/api/v1/service-records").then().statusCode(201);

        String month = YearMonth.from(today).toString();
        given().get("/api/v1/public/projects/" + code + "/disclosure?month=" + month).then().statusCode(200)
                .body("code", equalTo(code)).body("status", equalTo("IN_SERVICE"))
                .body("finance.budgetFen", equalTo(120_000_000)).body("finance.disbursedInMonthFen", equalTo(36_000_000))
                .body("execution.month.VISITS", equalTo(3)).body("execution.month.GROUP_SESSIONS", equalTo(1))
                .body("execution.month.SERVED_PERSONS", equalTo(16)).body("execution.month.SERVICE_HOURS", equalTo(3.75f))
                .body("execution.teamSize", equalTo(1))
                .body(not(org.hamcrest.Matchers.containsString("公示检查对象")));
        given().get("/api/v1/public/projects/" + code + "/disclosure?month=13-2026").then().statusCode(400);
        as(bureau(HAINING)).get(path + "/progress").then().statusCode(200)
                .body("indicators.find { it.indicator == 'VISITS' }.actual", equalTo(3));
    }
}
