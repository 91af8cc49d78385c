package org.socialwork.projects.need;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.socialwork.projects.Fixtures.HAINING;
import static org.socialwork.projects.Fixtures.as;
import static org.socialwork.projects.Fixtures.bureau;

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
class NeedWorkflowTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void aNeedIsTakenInTriagedDispatchedAndClosedWithTheRecordsThatAnsweredIt() {
        Fixtures.World w = Fixtures.world(dataSource, 2);
        String client = Fixtures.createClient(w, "需求对象");
        String id = as(bureau(HAINING)).body(Map.of("source", "RESIDENT", "category", "ELDERLY", "description", "希望上门助浴",
                "regionCode", Fixtures.VILLAGE, "clientId", client)).post("/api/v1/needs").then().statusCode(201)
                .body("status", equalTo("RECEIVED")).extract().path("id");
        String path = "/api/v1/needs/" + id;
        as(bureau(HAINING)).header("If-Match", "\"0\"").body(Map.of("stationId", w.station(), "workerId", w.workers().get(1),
                "dueOn", clock.today().plusDays(7).toString())).post(path + "/closure").then().statusCode(400);
        as(bureau(HAINING)).header("If-Match", "\"0\"").body(Map.of("priority", "HIGH")).post(path + "/triage").then()
                .statusCode(200).header("ETag", "\"1\"").body("status", equalTo("TRIAGED"));
        as(bureau(HAINING)).get(path).then().header("ETag", "\"1\"");
        as(bureau(HAINING)).header("If-Match", "\"1\"").body(Map.of("stationId", w.station(), "workerId", UUID.randomUUID(),
                "dueOn", clock.today().plusDays(7).toString())).post(path + "/dispatch").then().statusCode(422)
                .body("code", equalTo("need.dispatch.worker"));
        as(bureau(HAINING)).header("If-Match", "\"1\"").body(Map.of("stationId", w.station(), "workerId", w.workers().get(1),
                "dueOn", clock.today().plusDays(7).toString())).post(path + "/dispatch").then().statusCode(200)
                .body("status", equalTo("DISPATCHED"));

        String worker = Fixtures.fieldWorker(w.workers().get(1));
        as(worker).get("/api/v1/me/needs").then().statusCode(200).body("items.id", hasItem(id));
        as(Fixtures.fieldWorker(w.workers().get(0))).get("/api/v1/me/needs").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        UUID record = UUID.randomUUID();
        Map<String, Object> visit = Fixtures.visit(record, w, client, clock.now().minusHours(1).toString());
        visit.put("workerIds", List.of(w.workers().get(1)));
        visit.put("needId", id);
        as(worker).body(visit).post("/api/v1/service-records").then().statusCode(201);
        as(worker).header("If-Match", "\"2\"").body(Map.of("recordIds", List.of(UUID.randomUUID())))
                .post(path + "/closure").then().statusCode(422).body("code", equalTo("need.close.record.unknown"));
        as(worker).header("If-Match", "\"2\"").body(Map.of("recordIds", List.of(record))).post(path + "/closure").then()
                .statusCode(200).body("status", equalTo("CLOSED")).body("answeredByRecordIds", equalTo(List.of(record.toString())));
        as(bureau(Fixtures.PINGHU)).get(path).then().statusCode(404);
    }

    @Test
    void resourcesAreListedBesideNeedsAndProjects() {
        as(bureau(HAINING)).body(Map.of("kind", "VOLUNTEER_TEAM", "name", "硖石街道巾帼志愿服务队", "regionCode", Fixtures.TOWNSHIP,
                "capacity", "30 人")).post("/api/v1/resources").then().statusCode(201);
        as(bureau(Fixtures.PINGHU)).body(Map.of("kind", "DONOR", "name", "某企业", "regionCode", Fixtures.TOWNSHIP))
                .post("/api/v1/resources").then().statusCode(403);
        as(Fixtures.fieldWorker(UUID.randomUUID())).get("/api/v1/resources?region=" + HAINING + "&kind=VOLUNTEER_TEAM")
                .then().statusCode(200).body("items.name", hasItem("硖石街道巾帼志愿服务队"));
    }
}
