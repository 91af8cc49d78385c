package org.socialwork.projects.evaluation;

import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.projects.Fixtures.HAINING;
import static org.socialwork.projects.Fixtures.as;
import static org.socialwork.projects.Fixtures.bureau;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Completion dates an evaluation today; the progress of a project is read as of today. */
@QuarkusTest
@Tag("clock")
class EvaluationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void templateWeightsThatDoNotAddUpTo100AreRefused() {
        Map<String, Object> body = Map.of("name", "县级社工站评估", "dimensions", List.of(
                Map.of("name", "规范建设", "indicators", List.of(Map.of("code", "S1", "name", "制度上墙", "weight", 30))),
                Map.of("name", "专业服务", "indicators", List.of(Map.of("code", "P1", "name", "个案服务", "weight", 60)))));
        as(bureau(HAINING)).body(body).post("/api/v1/evaluation-templates").then().statusCode(422)
                .body("code", equalTo("evaluation.weights")).body("detail", equalTo("各指标权重合计为 90，应为 100。"));
    }

    @Test
    void aProjectIsScoredByWeightedAssessorsGradedAndRectified() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String project = Fixtures.createProject(Fixtures.projectBody(w));
        String template = as(bureau(HAINING)).body(Map.of("name", "项目中期评估", "dimensions", List.of(
                Map.of("name", "规范建设", "indicators", List.of(
                        Map.of("code", "S1", "name", "制度建设", "weight", 40, "guidance", "制度齐全得满分"))),
                Map.of("name", "服务成效", "indicators", List.of(Map.of("code", "E1", "name", "目标达成", "weight", 60))))))
                .post("/api/v1/evaluation-templates").then().statusCode(201).extract().path("id");

        Map<String, Object> evaluation = Map.of("projectId", project, "templateId", template, "kind", "MID_TERM", "assessors",
                List.of(Map.of("kind", "THIRD_PARTY", "subject", "evaluator-zj-001", "weight", 70),
                        Map.of("kind", "BUREAU", "subject", "bureau-admin-330481", "weight", 20)));
        as(bureau(HAINING)).body(evaluation).post("/api/v1/evaluations").then().statusCode(422)
                .body("code", equalTo("evaluation.assessor-weights"));
        String id = as(bureau(HAINING)).body(Map.of("projectId", project, "templateId", template, "kind", "MID_TERM",
                "assessors", List.of(Map.of("kind", "THIRD_PARTY", "subject", "evaluator-zj-001", "weight", 70),
                        Map.of("kind", "BUREAU", "subject", "bureau-admin-330481", "weight", 30))))
                .post("/api/v1/evaluations").then().statusCode(201).body("status", equalTo("IN_PROGRESS"))
                .extract().path("id");
        String path = "/api/v1/evaluations/" + id;
        String evaluator = Fixtures.evaluator("evaluator-zj-001");

        as(Fixtures.evaluator("evaluator-other")).get(path).then().statusCode(404);
        as(evaluator).header("If-Match", "\"0\"").body(Map.of("assessor", "BUREAU", "scores", Map.of("S1", 90, "E1", 90)))
                .post(path + "/scores").then().statusCode(403);
        as(evaluator).header("If-Match", "\"0\"").body(Map.of("assessor", "THIRD_PARTY", "scores", Map.of("S1", 90)))
                .post(path + "/scores").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("scores"));
        as(evaluator).header("If-Match", "\"0\"").body(Map.of("assessor", "THIRD_PARTY", "scores", Map.of("S1", 90, "E1", 80)))
                .post(path + "/scores").then().statusCode(200).header("ETag", "\"1\"");
        as(bureau(HAINING)).header("If-Match", "\"1\"").post(path + "/completion").then().statusCode(422)
                .body("code", equalTo("evaluation.scores.missing"));
        as(bureau(HAINING)).header("If-Match", "\"1\"").body(Map.of("assessor", "BUREAU", "scores", Map.of("S1", 100, "E1", 70)))
                .post(path + "/scores").then().statusCode(200);
        // THIRD_PARTY 0.4*90 + 0.6*80 = 84, BUREAU 0.4*100 + 0.6*70 = 82; 0.7*84 + 0.3*82 = 83.4
        LocalDate today = clock.today();
        as(bureau(HAINING)).header("If-Match", "\"2\"").post(path + "/completion").then().statusCode(200)
                .body("score", equalTo(83.4f)).body("grade", equalTo("GOOD")).body("status", equalTo("COMPLETED"))
                .body("completedOn", equalTo(today.toString()));
        String rectified = as(evaluator).header("If-Match", "\"3\"")
                .body(Map.of("description", "完善个案档案", "dueOn", today.plusMonths(1).toString()))
                .post(path + "/rectifications").then()
                .statusCode(200).body("rectifications.size()", equalTo(1)).extract().path("rectifications[0].id");
        as(Fixtures.agencyAdmin(w.agency())).header("If-Match", "\"4\"").body(Map.of("closedOn", today.toString()))
                .post(path + "/rectifications/" + rectified + "/closure").then().statusCode(200)
                .body("rectifications[0].closedOn", equalTo(today.toString()));
    }

    @Test
    void theSatisfactionRateOfAProjectIsItsClientsScoreInTheLatestCompletedEvaluation() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        Map<String, Object> body = Fixtures.projectBody(w);
        body.put("targets", List.of(Map.of("indicator", "SATISFACTION_RATE", "target", 90)));
        String project = Fixtures.createProject(body);
        String progress = "/api/v1/projects/" + project + "/progress";
        as(bureau(HAINING)).get(progress).then().statusCode(200)
                .body("indicators.find { it.indicator == 'SATISFACTION_RATE' }.actual", org.hamcrest.Matchers.nullValue());

        String template = as(bureau(HAINING)).body(Map.of("name", "满意度评估", "dimensions", List.of(
                Map.of("name", "服务满意度", "indicators", List.of(Map.of("code", "C1", "name", "服务态度", "weight", 50),
                        Map.of("code", "C2", "name", "服务效果", "weight", 50))))))
                .post("/api/v1/evaluation-templates").then().statusCode(201).extract().path("id");
        String id = as(bureau(HAINING)).body(Map.of("projectId", project, "templateId", template, "kind", "ANNUAL",
                "assessors", List.of(Map.of("kind", "BUREAU", "subject", "bureau-admin-330481", "weight", 60),
                        Map.of("kind", "CLIENT_SATISFACTION", "subject", "client-survey", "weight", 40))))
                .post("/api/v1/evaluations").then().statusCode(201).extract().path("id");
        String path = "/api/v1/evaluations/" + id;
        as(bureau(HAINING)).header("If-Match", "\"0\"").body(Map.of("assessor", "BUREAU", "scores", Map.of("C1", 70, "C2", 80)))
                .post(path + "/scores").then().statusCode(200);
        as(bureau(HAINING)).header("If-Match", "\"1\"").body(Map.of("assessor", "CLIENT_SATISFACTION",
                "scores", Map.of("C1", 96, "C2", 88))).post(path + "/scores").then().statusCode(200);
        as(bureau(HAINING)).get(progress).then().statusCode(200)
                .body("indicators.find { it.indicator == 'SATISFACTION_RATE' }.actual", org.hamcrest.Matchers.nullValue());
        as(bureau(HAINING)).header("If-Match", "\"2\"").post(path + "/completion").then().statusCode(200);

        // the clients' own score: 0.5 * 96 + 0.5 * 88 = 92, above the target of 90
        as(bureau(HAINING)).get(progress).then().statusCode(200)
                .body("indicators.find { it.indicator == 'SATISFACTION_RATE' }.actual", equalTo(92.0f))
                .body("indicators.find { it.indicator == 'SATISFACTION_RATE' }.onPace", equalTo(true));
    }
}
