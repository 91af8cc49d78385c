package org.socialwork.personnel;

import static org.awaitility.Awaitility.await;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.adminToken;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.etag;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.socialwork.infra.testing.contract.AuthorizationMatrix;
import org.socialwork.infra.testing.contract.AuthorizationMatrixTests;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rules of docs/authorization.md, section personnel-service. Inside every caller's scope: an
 * agency registered in Haining, a station it runs there and a worker it employs (the field worker
 * of the tokens), with that worker's assignment, filing, supervision, training, volunteer,
 * dispatch and dishonesty listing. Outside it: the same again for Pinghu. The workers' ID numbers
 * and phones are read unmasked (and audited) once before the matrix runs, so that the audit log
 * holds rows inside and outside the scope, and no answer of the matrix may carry them.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    private static final String PINGHU = "330482";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    /** What one side of the fixture holds. */
    private record Side(UUID agency, UUID station, UUID worker, String idNumber, String phone, String assignment,
            String filing, String supervision, String training, String volunteer, String programme, String listing) {
    }

    @Override
    protected Fixture fixture() {
        Side inside = side(HAINING, PersonnelFixtures.township(), "522601");
        Side outside = side(PINGHU, PINGHU + "001", "522602");
        readUnmasked(HAINING, inside.worker());
        readUnmasked(PINGHU, outside.worker());

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("platform-admin", adminToken());
        tokens.put("bureau-admin", PersonnelFixtures.bureauToken("bureau-admin", HAINING));
        tokens.put("bureau-viewer", PersonnelFixtures.bureauToken("bureau-viewer", HAINING));
        tokens.put("agency-admin", PersonnelFixtures.agencyToken(inside.agency().toString()));
        tokens.put("field-worker", PersonnelFixtures.token("field-worker-" + inside.worker(), Set.of("field-worker"), HAINING,
                inside.agency().toString(), inside.worker().toString()));
        tokens.put("evaluator", PersonnelFixtures.token("evaluator-" + HAINING, Set.of("evaluator"), HAINING, null, null));
        tokens.put("dashboard", PersonnelFixtures.token("dashboard-" + HAINING, Set.of("dashboard"), HAINING, null, null));

        Map<String, AuthorizationMatrix.Objects> objects = new LinkedHashMap<>();
        AuthorizationMatrix.Objects workers = new AuthorizationMatrix.Objects(inside.worker().toString(),
                outside.worker().toString());
        objects.put("/api/v1/workers/{id}", workers);
        objects.put("/api/v1/assignments/{id}", new AuthorizationMatrix.Objects(inside.assignment(), outside.assignment()));
        objects.put("/api/v1/filings/{id}", new AuthorizationMatrix.Objects(inside.filing(), outside.filing()));
        objects.put("/api/v1/supervisions/{id}", new AuthorizationMatrix.Objects(inside.supervision(), outside.supervision()));
        objects.put("/api/v1/trainings/{id}", new AuthorizationMatrix.Objects(inside.training(), outside.training()));
        objects.put("/api/v1/trainings/{id}/attendance/{workerId}", workers);
        objects.put("/api/v1/volunteers/{id}", new AuthorizationMatrix.Objects(inside.volunteer(), outside.volunteer()));
        objects.put("/api/v1/dispatch-programmes/{id}", new AuthorizationMatrix.Objects(inside.programme(), outside.programme()));
        objects.put("/api/v1/dispatch-programmes/{id}/dispatches/{workerId}", workers);
        objects.put("/api/v1/dishonesty-listings/{id}", new AuthorizationMatrix.Objects(inside.listing(), outside.listing()));

        // Webhook subscriptions of both agencies; then the relay drains, so that no delivery row appears during the run.
        String insideWebhook = webhook(inside.agency());
        String outsideWebhook = webhook(outside.agency());
        await().atMost(Duration.ofSeconds(30)).until(() -> "0".equals(PersonnelFixtures.single(dataSource,
                "select count(*)::text from outbox_event where sent_at is null").toString()));
        objects.put("/api/v1/webhooks/{id}", new AuthorizationMatrix.Objects(insideWebhook, outsideWebhook));
        objects.put("/api/v1/webhooks/{id}/deliveries/{deliveryId}", new AuthorizationMatrix.Objects(
                UUID.randomUUID().toString(), UUID.randomUUID().toString()));

        // The churn statistics need an agency; the lists are left unfiltered, so their scope is what is tested.
        Map<String, String> query = Map.of("GET /api/v1/departures/stats?agency", inside.agency().toString());
        Set<String> outsideMarkers = Set.of(outside.agency().toString(), outside.station().toString(),
                outside.worker().toString(), outside.assignment(), outside.filing(), outside.supervision(),
                outside.training(), outside.volunteer(), outside.programme(), outside.listing(), outsideWebhook);
        Set<String> personalData = Set.of(inside.idNumber(), inside.phone(), outside.idNumber(), outside.phone());
        return new Fixture(tokens, objects, query, outsideMarkers, personalData);
    }

    /**
     * An agency of {@code county}, a station it runs in {@code township}, a worker it employs and
     * everything else hanging off them, created as the platform admin (or fed as stations-service
     * events); the dispatch programme sends from the county to {@code receivingCounty}.
     */
    private Side side(String county, String township, String receivingCounty) {
        String admin = adminToken();
        UUID agency = PersonnelFixtures.agency(dataSource, county, "ACTIVE", 1);
        UUID station = PersonnelFixtures.station(dataSource, township, "OPERATING", "PURCHASED_SERVICE", agency);
        String idNumber = PersonnelFixtures.idNumber();
        String phone = PersonnelFixtures.mobile();
        UUID worker = UUID.fromString(as(admin).body(PersonnelFixtures.workerBody(agency, "STATION_FULL_TIME", idNumber, phone))
                .post("/api/v1/workers").then().statusCode(201).extract().path("id"));
        LocalDate today = clock.today();
        String assignment = PersonnelFixtures.assign(worker, station, today.minusDays(3).toString()).toString();
        String filing = as(admin).get("/api/v1/filings?worker=" + worker).then().statusCode(200).extract().path("items[0].id");
        String supervision = as(admin).body(Map.of("supervisorId", worker.toString(), "stationId", station.toString(),
                "from", today.minusDays(3).toString())).post("/api/v1/supervisions").then().statusCode(201).extract().path("id");
        String training = as(admin).body(Map.of("title", "岗前培训", "type", "PRE_JOB", "provider", "浙江省社会工作协会",
                "organizerRegionCode", county, "hours", 8, "startsOn", today.minusDays(2).toString(),
                "endsOn", today.minusDays(2).toString())).post("/api/v1/trainings").then().statusCode(201).extract().path("id");
        as(admin).header("If-Match", etag(admin, "/api/v1/trainings/" + training)).body(Map.of("hours", 8, "completed", true))
                .put("/api/v1/trainings/" + training + "/attendance/" + worker).then().statusCode(200);
        String volunteer = as(admin).body(Map.of("stationId", station.toString(), "recruitedByWorkerId", worker.toString(),
                "name", "王志愿", "registeredOn", today.minusDays(1).toString(), "serviceHours", 4, "regular", true))
                .post("/api/v1/volunteers").then().statusCode(201).extract().path("id");
        String programme = as(admin).body(Map.of("name", "三区计划 " + today.getYear(), "year", today.getYear(),
                "sendingRegionCode", county, "sendingUnit", "社会工作发展中心", "receivingCountyCode", receivingCounty,
                "localTrainees", 2)).post("/api/v1/dispatch-programmes").then().statusCode(201).extract().path("id");
        as(admin).header("If-Match", etag(admin, "/api/v1/dispatch-programmes/" + programme))
                .body(Map.of("from", LocalDate.of(today.getYear(), 1, 1).toString(),
                        "to", LocalDate.of(today.getYear(), 12, 31).toString()))
                .put("/api/v1/dispatch-programmes/" + programme + "/dispatches/" + worker).then().statusCode(200);
        // Listed last: a listed worker could not have been assigned.
        String listing = as(admin).body(Map.of("reason", "虚报服务时长", "listedOn", today.minusDays(1).toString()))
                .post("/api/v1/workers/" + worker + "/dishonesty-listings").then().statusCode(201).extract().path("id");
        return new Side(agency, station, worker, idNumber, phone, assignment, filing, supervision, training, volunteer,
                programme, listing);
    }

    private static String webhook(UUID agency) {
        return as(PersonnelFixtures.agencyToken(agency.toString()))
                .body(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("org.socialwork.worker.changed.v1")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    /** One audited unmasked read of the worker by its county's bureau. */
    private static void readUnmasked(String county, UUID worker) {
        String reader = PersonnelFixtures.token("hr-officer-" + county, Set.of("bureau-admin", "personal-data"), county, null,
                null);
        as(reader).get("/api/v1/workers/" + worker + "?purpose=年度审核").then().statusCode(200);
    }
}
