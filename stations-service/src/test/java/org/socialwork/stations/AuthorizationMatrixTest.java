package org.socialwork.stations;

import static org.awaitility.Awaitility.await;
import static org.socialwork.stations.station.StationFixtures.HAINING;
import static org.socialwork.stations.station.StationFixtures.PINGHU;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.infra.testing.contract.AuthorizationMatrix;
import org.socialwork.infra.testing.contract.AuthorizationMatrixTests;
import org.socialwork.stations.region.RegionFixtures;
import org.socialwork.stations.station.StationFixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rules of docs/authorization.md, section stations-service, on a station and an agency of
 * Haining (inside every caller's scope) and of Pinghu (outside it).
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected Fixture fixture() {
        StationFixtures.ensureRegions(dataSource);
        String insideAgency = StationFixtures.createAgency(HAINING);
        String outsideAgency = StationFixtures.createAgency(PINGHU);
        String insideStation = StationFixtures.createStation(runBy(insideAgency,
                StationFixtures.villageOf(dataSource, StationFixtures.freeTownship(dataSource, HAINING))));
        String outsideStation = StationFixtures.createStation(runBy(outsideAgency,
                StationFixtures.villageOf(dataSource, StationFixtures.freeTownship(dataSource, PINGHU))));
        String job = RegionFixtures.upload(StationFixtures.adminToken(),
                Map.of("provinces", RegionFixtures.fixture("haining").resolve("provinces.csv")))
                .when().post("/api/v1/admin/region-imports").then().statusCode(202).extract().header("Location");
        RegionFixtures.awaitJob(job, Duration.ofSeconds(30));
        String jobId = job.substring(job.lastIndexOf('/') + 1);

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("platform-admin", StationFixtures.adminToken());
        tokens.put("bureau-admin", StationFixtures.bureauToken("bureau-admin", HAINING));
        tokens.put("bureau-viewer", StationFixtures.bureauToken("bureau-viewer", HAINING));
        tokens.put("agency-admin", StationFixtures.agencyAdminToken(insideAgency));
        tokens.put("field-worker", DevTokens.mint(new DevTokens.Caller("field-worker-" + UUID.randomUUID(),
                Set.of("field-worker"), HAINING, insideAgency, UUID.randomUUID().toString())));
        tokens.put("evaluator", StationFixtures.roleToken("evaluator", HAINING));
        tokens.put("dashboard", StationFixtures.roleToken("dashboard", HAINING));

        // Webhook subscriptions of both agencies; then the relay drains, so that no delivery row appears during the run.
        String insideWebhook = webhook(insideAgency);
        String outsideWebhook = webhook(outsideAgency);
        await().atMost(Duration.ofSeconds(30)).until(() -> "0".equals(StationFixtures.single(dataSource,
                "select count(*)::text from outbox_event where sent_at is null")));

        Map<String, AuthorizationMatrix.Objects> objects = Map.of(
                "/api/v1/webhooks/{id}", new AuthorizationMatrix.Objects(insideWebhook, outsideWebhook),
                "/api/v1/webhooks/{id}/deliveries/{deliveryId}", new AuthorizationMatrix.Objects(
                        UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                "/api/v1/stations/{id}", new AuthorizationMatrix.Objects(insideStation, outsideStation),
                "/api/v1/agencies/{id}", new AuthorizationMatrix.Objects(insideAgency, outsideAgency),
                "/api/v1/regions/{code}", new AuthorizationMatrix.Objects(HAINING, PINGHU),
                "/api/v1/admin/region-imports/{id}", new AuthorizationMatrix.Objects(jobId, jobId));
        Map<String, String> query = Map.of("lat", "30.51", "lon", "120.68", "radiusKm", "50", "q", "海宁");
        return new Fixture(tokens, objects, query, Set.of(outsideStation, outsideAgency, outsideWebhook), Set.of());
    }

    private static String webhook(String agency) {
        return StationFixtures.as(StationFixtures.agencyAdminToken(agency))
                .body(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("org.socialwork.station.changed.v1")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> runBy(String agency, String village) {
        Map<String, Object> body = StationFixtures.stationBody("VILLAGE_ROOM", village);
        body.put("operationMode", "PURCHASED_SERVICE");
        body.put("agencyId", agency);
        body.put("position", Map.of("latitude", 30.51, "longitude", 120.68, "crs", "GCJ02"));
        return body;
    }
}
