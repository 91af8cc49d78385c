package org.socialwork.projects.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.socialwork.projects.Fixtures.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@Tag("clock")
class FieldAppTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void myClientsDueForAVisitCountThisMonthsVisits() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String visited = Fixtures.createClient(w, "已探访对象");
        String due = Fixtures.createClient(w, "待探访对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        // Earlier today is this month at any hour; five minutes before 00:03 on the 1st is last month.
        for (int i = 0; i < 2; i++) {
            as(worker).body(Fixtures.visit(UUID.randomUUID(), w, visited,
                    Fixtures.earlierToday(Duration.ofMinutes(5 + i)).toString()))
                    .post("/api/v1/service-records").then().statusCode(201);
        }
        as(worker).body(Fixtures.visit(UUID.randomUUID(), w, due,
                Fixtures.earlierToday(Duration.ofMinutes(3)).toString()))
                .post("/api/v1/service-records").then().statusCode(201);
        Response answer = as(worker).get("/api/v1/me/clients/due-visits?limit=200").then().statusCode(200).extract().response();
        List<String> ids = answer.path("clientId");
        assertThat(ids).contains(due).doesNotContain(visited);
        as(worker).get("/api/v1/me/clients/due-visits?limit=200").then()
                .body("find { it.clientId == '" + due + "' }.visitsThisMonth", equalTo(1))
                .body("find { it.clientId == '" + due + "' }.requiredVisitsPerMonth", equalTo(2));
        as(Fixtures.bureau(Fixtures.HAINING)).get("/api/v1/me/clients/due-visits").then().statusCode(403);
    }

    @Test
    void thePhonePullsEverythingChangedForItsStationsSinceACursor() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        Fixtures.World other = Fixtures.world(dataSource, 1);
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        String mine = Fixtures.createClient(w, "同步对象");
        String theirs = Fixtures.createClient(other, "他站对象");
        Response first = as(worker).get("/api/v1/sync/changes").then().statusCode(200).extract().response();
        List<String> clients = first.path("clients.id");
        assertThat(clients).contains(mine).doesNotContain(theirs);
        String cursor = first.path("cursor");

        String later = Fixtures.createClient(w, "新增同步对象");
        Map<String, Object> visit = Fixtures.visit(UUID.randomUUID(), w, later,
                Fixtures.earlierToday(Duration.ofMinutes(1)).toString());
        as(worker).body(visit).post("/api/v1/service-records").then().statusCode(201);
        as(worker).get("/api/v1/sync/changes?cursor=" + cursor).then().statusCode(200)
                .body("clients.id", hasItem(later)).body("clients.id", not(hasItem(mine)))
                .body("records.id", hasItem(visit.get("id").toString()))
                .body("clients[0].idNumber", org.hamcrest.Matchers.containsString("****"));
        as(worker).get("/api/v1/sync/changes?cursor=garbage").then().statusCode(400)
                .body("type", equalTo("urn:socialwork:problem:invalid-cursor"));
    }
}
