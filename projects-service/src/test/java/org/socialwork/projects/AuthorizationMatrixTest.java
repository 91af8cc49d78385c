package org.socialwork.projects;

import static org.socialwork.projects.Fixtures.HAINING;
import static org.socialwork.projects.Fixtures.PINGHU;
import static org.socialwork.projects.Fixtures.PINGHU_TOWNSHIP;
import static org.socialwork.projects.Fixtures.TOWNSHIP;
import static org.socialwork.projects.Fixtures.as;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.infra.testing.TopicWriter;
import org.socialwork.infra.testing.contract.AuthorizationMatrix;
import org.socialwork.infra.testing.contract.AuthorizationMatrixTests;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rules of docs/authorization.md, section projects-service. Inside every caller's scope: an
 * agency registered in Haining, its station in a Haining township, its worker and what they serve
 * (project, client, case, need, service record, evaluation). Outside it: the same in Pinghu, run by
 * a Pinghu agency. The stations, agencies and workers arrive as the other services' events.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    /**
     * A village of Pinghu, for the outside client's home: the shared fixtures know Haining's only,
     * and ClientPersonalDataTest relies on Pinghu's first village staying unknown.
     */
    private static final String PINGHU_VILLAGE = PINGHU_TOWNSHIP + "201";

    @Inject
    AgroalDataSource dataSource;

    /** One side of the fixture: an agency with one station and one worker, and what they serve. */
    private record Side(UUID agency, UUID station, UUID worker, String bureau, String fieldWorker) {

        /** For the shared body builders, which read the agency, the station and the first worker. */
        Fixtures.World world() {
            return new Fixtures.World(agency, station, station, List.of(worker));
        }
    }

    /** What one side serves, as ids, with its client's unmasked ID number and phone. */
    private record Served(String project, String code, String disbursement, String client, String idNumber, String phone,
            String caseId, String need, String record, String template, String evaluation, String rectification) {
    }

    @Override
    protected Fixture fixture() {
        Fixtures.ensureRegions(dataSource);
        UUID insideAgency = UUID.randomUUID();
        UUID insideWorker = UUID.randomUUID();
        UUID outsideAgency = UUID.randomUUID();
        UUID outsideWorker = UUID.randomUUID();
        Side inside = new Side(insideAgency, UUID.randomUUID(), insideWorker, Fixtures.bureau(HAINING),
                fieldWorker(insideWorker, HAINING, insideAgency));
        Side outside = new Side(outsideAgency, UUID.randomUUID(), outsideWorker, Fixtures.bureau(PINGHU),
                fieldWorker(outsideWorker, PINGHU, outsideAgency));
        publishWorld(inside, HAINING, TOWNSHIP, "海宁市矩阵社会工作服务中心");
        publishWorld(outside, PINGHU, PINGHU_TOWNSHIP, "平湖市矩阵社会工作服务中心");

        String evaluator = "evaluator-matrix-" + UUID.randomUUID().toString().substring(0, 8);
        Served in = serve(inside, HAINING, Fixtures.VILLAGE, evaluator);
        Served out = serve(outside, PINGHU, PINGHU_VILLAGE, "evaluator-elsewhere-" + UUID.randomUUID());

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("platform-admin", Fixtures.admin());
        tokens.put("bureau-admin", inside.bureau());
        tokens.put("bureau-viewer", DevTokens.mint(DevTokens.Caller.bureau("bureau-viewer", HAINING)));
        tokens.put("agency-admin", Fixtures.agencyAdmin(insideAgency));
        tokens.put("field-worker", inside.fieldWorker());
        tokens.put("evaluator", DevTokens.mint(new DevTokens.Caller(evaluator, Set.of("evaluator"), HAINING, null, null)));
        tokens.put("dashboard", DevTokens.mint(new DevTokens.Caller("dashboard-" + HAINING, Set.of("dashboard"), HAINING,
                null, null)));

        Map<String, AuthorizationMatrix.Objects> objects = new LinkedHashMap<>();
        objects.put("/api/v1/projects/{id}", pair(in.project(), out.project()));
        objects.put("/api/v1/projects/{id}/disbursements/{disbursementId}", pair(in.disbursement(), out.disbursement()));
        objects.put("/api/v1/projects/{id}/team/{workerId}", pair(inside.worker().toString(), outside.worker().toString()));
        objects.put("/api/v1/public/projects/{code}", pair(in.code(), out.code()));
        objects.put("/api/v1/clients/{id}", pair(in.client(), out.client()));
        objects.put("/api/v1/cases/{id}", pair(in.caseId(), out.caseId()));
        objects.put("/api/v1/needs/{id}", pair(in.need(), out.need()));
        objects.put("/api/v1/service-records/{id}", pair(in.record(), out.record()));
        objects.put("/api/v1/evaluation-templates/{id}", pair(in.template(), out.template()));
        objects.put("/api/v1/evaluations/{id}", pair(in.evaluation(), out.evaluation()));
        objects.put("/api/v1/evaluations/{id}/rectifications/{rectificationId}",
                pair(in.rectification(), out.rectification()));

        // Webhook subscriptions of both agencies; then the relay drains, so that no delivery row appears during the run.
        String insideWebhook = webhook(insideAgency);
        String outsideWebhook = webhook(outsideAgency);
        Fixtures.awaitRows(dataSource, "select count(*) from outbox_event where sent_at is null", 0);
        objects.put("/api/v1/webhooks/{id}", pair(insideWebhook, outsideWebhook));
        objects.put("/api/v1/webhooks/{id}/deliveries/{deliveryId}",
                pair(UUID.randomUUID().toString(), UUID.randomUUID().toString()));

        Map<String, String> query = Map.of("month", Fixtures.clock().thisMonth().toString(), "parent", HAINING);
        Set<String> outsideMarkers = new LinkedHashSet<>(List.of(outsideAgency.toString(), outside.station().toString(),
                outside.worker().toString(), out.project(), out.disbursement(), out.client(), out.caseId(), out.need(),
                out.record(), out.evaluation(), out.rectification(), outsideWebhook));
        Set<String> personalData = Set.of(in.idNumber(), in.phone(), out.idNumber(), out.phone());
        return new Fixture(tokens, objects, query, outsideMarkers, personalData);
    }

    private static String webhook(UUID agency) {
        return as(Fixtures.agencyAdmin(agency)).body(Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("org.socialwork.service-record.recorded.v1")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    private static AuthorizationMatrix.Objects pair(String inside, String outside) {
        return new AuthorizationMatrix.Objects(inside, outside);
    }

    private static String fieldWorker(UUID worker, String region, UUID agency) {
        return DevTokens.mint(new DevTokens.Caller("field-worker-" + worker, Set.of("field-worker"), region,
                agency.toString(), worker.toString()));
    }

    /** stations-service's agency and station, personnel-service's worker and assignment, as their events. */
    private void publishWorld(Side side, String county, String township, String agencyName) {
        try (TopicWriter writer = new TopicWriter()) {
            if (county.equals(PINGHU)) {
                Map<String, Object> village = new LinkedHashMap<>();
                village.put("code", PINGHU_VILLAGE);
                village.put("name", "区划" + PINGHU_VILLAGE);
                village.put("level", "VILLAGE");
                village.put("parentCode", PINGHU_TOWNSHIP);
                village.put("validTo", null);
                village.put("version", 1);
                writer.send("stations.region.v1", Fixtures.STATIONS_SOURCE, "org.socialwork.region.changed.v1",
                        PINGHU_VILLAGE, Fixtures.json(village));
            }
            writer.send("stations.agency.v1", Fixtures.STATIONS_SOURCE, "org.socialwork.agency.changed.v1",
                    side.agency().toString(), Fixtures.json(Map.of("id", side.agency(), "version", 1, "name",
                            agencyName + side.agency().toString().substring(0, 4), "registrationRegion", county,
                            "status", "ACTIVE")));
            Fixtures.sendStation(writer, side.station(), township, side.agency());
            Fixtures.sendWorker(writer, side.worker(), side.agency(), 1, false);
            Fixtures.sendAssignment(writer, UUID.randomUUID(), side.worker(), side.station(), "ACTIVE", 1);
        }
        if (county.equals(PINGHU)) {
            Fixtures.awaitRows(dataSource, "select count(*) from region_replica where code = ?", 1, PINGHU_VILLAGE);
        }
        Fixtures.awaitRows(dataSource, "select count(*) from agency_replica where id = ?", 1, side.agency());
        Fixtures.awaitRows(dataSource, "select count(*) from station_replica where id = ?", 1, side.station());
        Fixtures.awaitRows(dataSource,
                "select count(*) from worker_replica w join assignment_replica a on a.worker_id = w.id where w.id = ?", 1,
                side.worker());
    }

    /** Everything one side serves, made through the API by its own bureau and field worker. */
    private Served serve(Side side, String county, String village, String evaluator) {
        Fixtures.World world = side.world();
        Map<String, Object> projectBody = Fixtures.projectBody(world);
        projectBody.put("purchaserRegionCode", county);
        projectBody.put("evaluatorSubjects", List.of(evaluator));
        String project = as(side.bureau()).body(projectBody).post("/api/v1/projects").then().statusCode(201)
                .extract().path("id");
        String projectPath = "/api/v1/projects/" + project;
        contract(side.bureau(), projectPath);
        as(side.bureau()).body(Map.of("workerId", side.worker(), "role", "SOCIAL_WORKER", "since",
                Fixtures.clock().today().toString())).post(projectPath + "/team").then().statusCode(200);
        String disbursement = as(side.bureau()).body(Map.of("amountFen", 10_000_000L, "plannedOn",
                Fixtures.clock().today().plusMonths(1).toString())).post(projectPath + "/disbursements").then()
                .statusCode(201).extract().path("disbursements[0].id");

        String idNumber = Fixtures.idNumber();
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> clientBody = Fixtures.clientBody(world, "矩阵对象", idNumber, phone);
        clientBody.put("villageRegionCode", village);
        String client = as(side.bureau()).body(clientBody).post("/api/v1/clients").then().statusCode(201)
                .extract().path("id");
        // An audited unmasked read, so that the access log has a row of each side.
        as(DevTokens.mint(new DevTokens.Caller("bureau-pd-" + county, Set.of("bureau-admin", "personal-data"), county,
                null, null))).get("/api/v1/clients/" + client).then().statusCode(200);

        String caseId = as(side.bureau()).body(Map.of("clientId", client, "workerId", side.worker(), "problemAreas",
                List.of("独居"), "plan", "每月两次上门")).post("/api/v1/cases").then().statusCode(201).extract().path("id");

        Map<String, Object> needBody = new LinkedHashMap<>();
        needBody.put("source", "RESIDENT");
        needBody.put("category", "ELDERLY");
        needBody.put("description", "希望上门助浴");
        needBody.put("regionCode", village);
        needBody.put("clientId", client);
        needBody.put("stationId", side.station());
        String need = as(side.bureau()).body(needBody).post("/api/v1/needs").then().statusCode(201).extract().path("id");
        as(side.bureau()).header("If-Match", "\"0\"").body(Map.of("stationId", side.station(), "workerId", side.worker(),
                "dueOn", Fixtures.clock().today().plusDays(7).toString())).post("/api/v1/needs/" + need + "/dispatch")
                .then().statusCode(200);

        UUID record = UUID.randomUUID();
        as(side.fieldWorker()).body(Fixtures.visit(record, world, client,
                Fixtures.earlierToday(Duration.ofMinutes(5)).toString())).post("/api/v1/service-records").then()
                .statusCode(201);

        String template = as(side.bureau()).body(Map.of("name", "矩阵评估模板", "dimensions", List.of(
                Map.of("name", "服务成效", "indicators", List.of(Map.of("code", "E1", "name", "目标达成", "weight", 100))))))
                .post("/api/v1/evaluation-templates").then().statusCode(201).extract().path("id");
        String evaluation = as(side.bureau()).body(Map.of("projectId", project, "templateId", template, "kind", "MID_TERM",
                "assessors", List.of(Map.of("kind", "THIRD_PARTY", "subject", evaluator, "weight", 70),
                        Map.of("kind", "AGENCY_SELF", "subject", "agency-admin-" + side.agency(), "weight", 30))))
                .post("/api/v1/evaluations").then().statusCode(201).extract().path("id");
        String rectification = as(side.bureau()).header("If-Match", "\"0\"").body(Map.of("description", "补齐服务台账",
                "dueOn", Fixtures.clock().today().plusMonths(1).toString()))
                .post("/api/v1/evaluations/" + evaluation + "/rectifications").then().statusCode(200)
                .extract().path("rectifications[0].id");

        String code = as(side.bureau()).get(projectPath).then().statusCode(200).extract().path("code");
        return new Served(project, code, disbursement, client, idNumber, phone, caseId, need, record.toString(), template,
                evaluation, rectification);
    }

    /** DRAFT → TENDERING → CONTRACTED: a contracted project is disclosed to the public. */
    private static void contract(String bureau, String path) {
        as(bureau).header("If-Match", Fixtures.etag(bureau, path)).body(Map.of("to", "TENDERING"))
                .post(path + "/transitions").then().statusCode(200);
        as(bureau).header("If-Match", Fixtures.etag(bureau, path)).body(Map.of("to", "CONTRACTED", "contractNumber",
                "MATRIX-" + UUID.randomUUID().toString().substring(0, 8), "contractDate",
                Fixtures.clock().today().minusMonths(6).toString())).post(path + "/transitions").then().statusCode(200);
    }
}
