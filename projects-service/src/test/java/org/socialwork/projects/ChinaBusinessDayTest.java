package org.socialwork.projects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.socialwork.projects.Fixtures.HAINING;
import static org.socialwork.projects.Fixtures.as;
import static org.socialwork.projects.Fixtures.bureau;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.NewYearsNightInChina;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Half past midnight on New Year's Day in China is still 31 December in UTC (16:30). Everything the
 * service dates takes the business day of China: a record made at 00:10 is of the new day, month
 * and year; a case, a need or an evaluation of that moment is dated 1 January. Were any of these
 * taken from the UTC day, these tests would fail.
 */
@QuarkusTest
@TestProfile(NewYearsNightInChina.class)
class ChinaBusinessDayTest {

    private static final LocalDate NEW_YEARS_DAY = NewYearsNightInChina.CHINA_DAY;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @BeforeEach
    void theBusinessDayIsNotTheUtcDay() {
        assertThat(clock.today()).isEqualTo(NEW_YEARS_DAY);
        assertThat(clock.now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()).isEqualTo(NEW_YEARS_DAY.minusDays(1));
    }

    @Test
    void aRecordJustAfterMidnightCountsInTheNewMonthAndEverythingIsDatedTheNewDay() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        Map<String, Object> body = Fixtures.projectBody(w);
        String project = Fixtures.createProject(body);
        Fixtures.addMember(project, w.workers().get(0), "PROJECT_LEAD");
        Fixtures.advance(project, "IN_SERVICE");
        String client = Fixtures.createClient(w, "元旦探访对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        OffsetDateTime midnight = clock.startOf(NEW_YEARS_DAY);

        // 00:10 on 1 January (16:10 UTC on 31 December) and 22:30 on 31 December (14:30 UTC).
        for (OffsetDateTime at : List.of(midnight.plusMinutes(10), midnight.minusMinutes(90))) {
            Map<String, Object> visit = Fixtures.visit(UUID.randomUUID(), w, client, at.toString());
            visit.put("projectId", project);
            as(worker).body(visit).post("/api/v1/service-records").then().statusCode(201);
        }
        as(worker).get("/api/v1/me/clients/due-visits?limit=200").then().statusCode(200)
                .body("clientId", hasItem(client))
                .body("find { it.clientId == '" + client + "' }.visitsThisMonth", equalTo(1));
        String code = (String) body.get("code");
        given().get("/api/v1/public/projects/" + code + "/disclosure?month=" + YearMonth.from(NEW_YEARS_DAY)).then()
                .statusCode(200).body("execution.month.VISITS", equalTo(1));
        given().get("/api/v1/public/projects/" + code + "/disclosure?month=" + YearMonth.from(NEW_YEARS_DAY).minusMonths(1))
                .then().statusCode(200).body("execution.month.VISITS", equalTo(1));
        as(bureau(HAINING)).get("/api/v1/projects/" + project + "/progress").then().statusCode(200)
                .body("asOf", equalTo(NEW_YEARS_DAY.toString()))
                .body("indicators.find { it.indicator == 'VISITS' }.actual", equalTo(2));

        String caseId = as(worker).body(Map.of("clientId", client, "workerId", w.workers().get(0), "problemAreas",
                List.of("家庭关系"))).post("/api/v1/cases").then().statusCode(201)
                .body("openedOn", equalTo(NEW_YEARS_DAY.toString())).extract().path("id");
        as(worker).header("If-Match", "\"0\"").body(Map.of("outcome", "目标达成")).post("/api/v1/cases/" + caseId + "/closure")
                .then().statusCode(200).body("closedOn", equalTo(NEW_YEARS_DAY.toString()));
        as(bureau(HAINING)).body(Map.of("source", "RESIDENT", "category", "ELDERLY", "description", "元旦助餐",
                "regionCode", Fixtures.VILLAGE, "clientId", client)).post("/api/v1/needs").then().statusCode(201)
                .body("receivedOn", equalTo(NEW_YEARS_DAY.toString()));

        String template = as(bureau(HAINING)).body(Map.of("name", "元旦评估", "dimensions", List.of(Map.of("name", "专业",
                "indicators", List.of(Map.of("code", "P1", "name", "个案", "weight", 100)))))).post("/api/v1/evaluation-templates")
                .then().statusCode(201).extract().path("id");
        String evaluation = as(bureau(HAINING)).body(Map.of("projectId", project, "templateId", template, "kind", "MID_TERM",
                "assessors", List.of(Map.of("kind", "BUREAU", "subject", "bureau-admin-330481", "weight", 100))))
                .post("/api/v1/evaluations").then().statusCode(201).extract().path("id");
        String path = "/api/v1/evaluations/" + evaluation;
        as(bureau(HAINING)).header("If-Match", "\"0\"").body(Map.of("assessor", "BUREAU", "scores", Map.of("P1", 90)))
                .post(path + "/scores").then().statusCode(200);
        as(bureau(HAINING)).header("If-Match", "\"1\"").post(path + "/completion").then().statusCode(200)
                .body("completedOn", equalTo(NEW_YEARS_DAY.toString()));
    }

    @Test
    void aRecordOfTodayIsAcceptedAndOneInTheFutureRefused() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String client = Fixtures.createClient(w, "时差检查对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        OffsetDateTime midnight = clock.startOf(NEW_YEARS_DAY);

        as(worker).body(Fixtures.visit(UUID.randomUUID(), w, client, midnight.plusMinutes(10).toString()))
                .post("/api/v1/service-records").then().statusCode(201);
        as(worker).body(Fixtures.visit(UUID.randomUUID(), w, client, clock.localNow().plusMinutes(5).toString()))
                .post("/api/v1/service-records").then().statusCode(201);
        for (OffsetDateTime future : List.of(clock.localNow().plusMinutes(20), midnight.plusDays(1).plusMinutes(10))) {
            as(worker).body(Fixtures.visit(UUID.randomUUID(), w, client, future.toString()))
                    .post("/api/v1/service-records").then().statusCode(400)
                    .body("code", equalTo("record.occurred-at.future")).body("errors.field", hasItem("occurredAt"));
        }

        // Someone born today (in China) has a valid ID number; someone born tomorrow has not.
        as(bureau(HAINING)).body(Fixtures.clientBody(w, "元旦新生儿", Fixtures.idNumber(NEW_YEARS_DAY), null))
                .post("/api/v1/clients").then().statusCode(201).body("birthDate", equalTo(NEW_YEARS_DAY.toString()));
        as(bureau(HAINING)).body(Fixtures.clientBody(w, "明日新生儿", Fixtures.idNumber(NEW_YEARS_DAY.plusDays(1)), null))
                .post("/api/v1/clients").then().statusCode(400).body("code", equalTo("client.id-number.invalid"));
    }

    @Test
    void aLockOfLastMonthLeavesTheFirstOfTheNewMonthOpen() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String client = Fixtures.createClient(w, "跨月锁定对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        OffsetDateTime midnight = clock.startOf(NEW_YEARS_DAY);
        LocalDate start = NEW_YEARS_DAY.minusMonths(1);
        String lockId = Fixtures.TOWNSHIP + ":MONTH:" + start + ":" + w.station();
        Fixtures.publishPeriodLock(lockId, 1, start, NEW_YEARS_DAY.minusDays(1), true);
        try {
            Fixtures.awaitRows(dataSource, "select count(*) from period_lock where id = ? and locked", 1, lockId);
            as(worker).body(Fixtures.visit(UUID.randomUUID(), w, client, midnight.plusMinutes(10).toString()))
                    .post("/api/v1/service-records").then().statusCode(201);
            as(worker).body(Fixtures.visit(UUID.randomUUID(), w, client, midnight.minusMinutes(10).toString()))
                    .post("/api/v1/service-records").then().statusCode(409)
                    .body("code", equalTo("record.period-locked"));
        } finally {
            Fixtures.publishPeriodLock(lockId, 2, start, NEW_YEARS_DAY.minusDays(1), false);
            Fixtures.awaitRows(dataSource, "select count(*) from period_lock where id = ? and not locked", 1, lockId);
        }
    }
}
