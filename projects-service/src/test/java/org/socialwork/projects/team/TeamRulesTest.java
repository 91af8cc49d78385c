package org.socialwork.projects.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.projects.Fixtures.HAINING;
import static org.socialwork.projects.Fixtures.as;
import static org.socialwork.projects.Fixtures.bureau;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicWriter;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TeamRulesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWorkerRacingOntoTwoInServiceProjectsWinsExactlyOnce() throws Exception {
        Fixtures.World w = Fixtures.world(dataSource, 2);
        String first = Fixtures.createProject(Fixtures.projectBody(w));
        String second = Fixtures.createProject(Fixtures.projectBody(w));
        Fixtures.addMember(first, w.workers().get(0), "PROJECT_LEAD");
        Fixtures.addMember(second, w.workers().get(1), "PROJECT_LEAD");
        Fixtures.advance(first, "IN_SERVICE");
        Fixtures.advance(second, "IN_SERVICE");

        // A member of an IN_SERVICE project cannot join another one, and no project starts with one.
        as(bureau(HAINING)).body(Map.of("workerId", w.workers().get(0), "role", "SOCIAL_WORKER", "since",
                Fixtures.clock().today().toString())).post("/api/v1/projects/" + second + "/team").then().statusCode(409)
                .body("code", equalTo("team.worker.busy"))
                .body("detail", org.hamcrest.Matchers.containsString(
                        as(bureau(HAINING)).get("/api/v1/projects/" + first).then().extract().<String>path("code")));
        String third = Fixtures.createProject(Fixtures.projectBody(w));
        Fixtures.addMember(third, w.workers().get(1), "PROJECT_LEAD");
        Fixtures.advance(third, "CONTRACTED");
        as(bureau(HAINING)).header("If-Match", Fixtures.etag(bureau(HAINING), "/api/v1/projects/" + third))
                .body(Map.of("to", "IN_SERVICE")).post("/api/v1/projects/" + third + "/transitions").then()
                .statusCode(409).body("code", equalTo("team.worker.busy"));

        // Both projects are IN_SERVICE now; a fresh worker of the agency is added to both at once.
        UUID fresh = UUID.randomUUID();
        try (TopicWriter writer = new TopicWriter()) {
            Fixtures.sendWorker(writer, fresh, w.agency(), 1, false);
        }
        Fixtures.awaitRows(dataSource, "select count(*) from worker_replica where id = ?", 1, fresh);
        String today = Fixtures.clock().today().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (String project : List.of(first, second)) {
            Callable<Integer> add = () -> {
                start.await();
                return as(bureau(HAINING)).body(Map.of("workerId", fresh, "role", "SOCIAL_WORKER", "since", today))
                        .post("/api/v1/projects/" + project + "/team").then().extract().statusCode();
            };
            results.add(pool.submit(add));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> r : results) {
            statuses.add(r.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(Fixtures.count(dataSource, "select count(*) from in_service_member where worker_id = ?", fresh)).isEqualTo(1);
        assertThat(Fixtures.count(dataSource, "select count(*) from project_member where worker_id = ?", fresh)).isEqualTo(1);
    }

    @Test
    void membersMustBeEmployedByTheContractorAndNotDishonestyListed() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        Fixtures.World elsewhere = Fixtures.world(dataSource, 1);
        String project = Fixtures.createProject(Fixtures.projectBody(w));
        UUID dishonest = UUID.randomUUID();
        try (TopicWriter writer = new TopicWriter()) {
            Fixtures.sendWorker(writer, dishonest, w.agency(), 1, true);
        }
        Fixtures.awaitRows(dataSource, "select count(*) from worker_replica where id = ? and dishonesty_listed", 1, dishonest);
        String path = "/api/v1/projects/" + project + "/team";
        as(bureau(HAINING)).body(Map.of("workerId", dishonest, "role", "SOCIAL_WORKER", "since", "2024-07-01"))
                .post(path).then().statusCode(422).body("code", equalTo("team.worker.dishonesty-listed"));
        as(bureau(HAINING)).body(Map.of("workerId", elsewhere.workers().get(0), "role", "SOCIAL_WORKER", "since", "2024-07-01"))
                .post(path).then().statusCode(422).body("code", equalTo("team.worker.not-employed"));
        as(bureau(HAINING)).body(Map.of("workerId", UUID.randomUUID(), "role", "SOCIAL_WORKER", "since", "2024-07-01"))
                .post(path).then().statusCode(422).body("code", equalTo("team.worker.unknown"));
    }

    @Test
    void staffingIsCheckedWhenServiceStartsAndEveryTeamChangeIsKept() {
        Fixtures.World w = Fixtures.world(dataSource, 2);
        Map<String, Object> body = Fixtures.projectBody(w);
        body.put("staffing", Map.of("minFullTimeWorkers", 2, "minCertifiedWorkers", 2));
        String project = Fixtures.createProject(body);
        Fixtures.addMember(project, w.workers().get(0), "PROJECT_LEAD");
        Fixtures.advance(project, "CONTRACTED");
        String path = "/api/v1/projects/" + project;
        as(bureau(HAINING)).header("If-Match", Fixtures.etag(bureau(HAINING), path)).body(Map.of("to", "IN_SERVICE"))
                .post(path + "/transitions").then().statusCode(422).body("code", equalTo("project.staffing.unmet"));
        as(Fixtures.agencyAdmin(w.agency())).body(Map.of("workerId", w.workers().get(1), "role", "SOCIAL_WORKER", "since",
                Fixtures.clock().today().toString())).post(path + "/team").then().statusCode(200)
                .body("team.size()", equalTo(2));
        as(bureau(HAINING)).header("If-Match", Fixtures.etag(bureau(HAINING), path)).body(Map.of("to", "IN_SERVICE"))
                .post(path + "/transitions").then().statusCode(200);
        as(bureau(HAINING)).header("If-Match", Fixtures.etag(bureau(HAINING), path))
                .delete(path + "/team/" + w.workers().get(1) + "?reason=离职").then().statusCode(200)
                .body("team.size()", equalTo(1)).body("teamChanges", equalTo(3));
        as(bureau(HAINING)).get(path + "/team/changes").then().statusCode(200)
                .body("change", equalTo(List.of("JOINED", "JOINED", "LEFT"))).body("[2].reason", equalTo("离职"));
        assertThat(Fixtures.count(dataSource, "select count(*) from in_service_member where worker_id = ?",
                w.workers().get(1))).isZero();
    }
}
