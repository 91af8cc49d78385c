package org.socialwork.reporting;

import static org.socialwork.reporting.readmodel.Fixtures.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.infra.testing.contract.AuthorizationMatrix;
import org.socialwork.infra.testing.contract.AuthorizationMatrixTests;
import org.socialwork.reporting.readmodel.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rules of docs/authorization.md, section reporting-service: callers of the city 9301 (inside)
 * and objects of the neighbouring city 9302 (outside), on a province of this test's own.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    private static final String INSIDE = "9301";
    private static final String OUTSIDE = "9302";

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected Fixture fixture() {
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("93", "矩阵省", "PROVINCE", 1));
            for (String city : List.of(INSIDE, OUTSIDE)) {
                sent.add(events.region(city, "矩阵市" + city, "CITY", 1));
                sent.add(events.region(city + "01", "矩阵县" + city, "COUNTY", 1));
                sent.add(events.region(city + "01001", "矩阵镇" + city, "TOWNSHIP", 1));
                sent.add(events.station(UUID.randomUUID(), city + "01001", "TOWNSHIP_STATION", "OPERATING", true, 1));
            }
            Fixtures.awaitConsumed(dataSource, sent);
        }
        // An operating station without a record for months is warned as inactive, in each city.
        admin().queryParam("asOf", "2024-09-25").post("/api/v1/admin/warnings/evaluate").then().statusCode(200);
        String insideWarning = warning(INSIDE + "01");
        String outsideWarning = warning(OUTSIDE + "01");
        String insideReport = report(INSIDE + "01");
        String outsideReport = report(OUTSIDE + "01");
        String insideBulletin = bulletin(INSIDE);
        String outsideBulletin = bulletin(OUTSIDE);
        String generation = String.valueOf(admin().get("/api/v1/admin/rebuild").then().statusCode(200)
                .extract().<Integer>path("generation"));

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("platform-admin", DevTokens.mint(DevTokens.Caller.platformAdmin()));
        for (String role : List.of("bureau-admin", "bureau-viewer", "evaluator", "dashboard")) {
            tokens.put(role, DevTokens.mint(new DevTokens.Caller(role + "-" + INSIDE, Set.of(role), INSIDE, null, null)));
        }
        tokens.put("agency-admin", DevTokens.mint(new DevTokens.Caller("agency-admin-" + INSIDE, Set.of("agency-admin"),
                INSIDE, UUID.randomUUID().toString(), null)));
        tokens.put("field-worker", DevTokens.mint(new DevTokens.Caller("field-worker-" + INSIDE, Set.of("field-worker"),
                INSIDE, null, UUID.randomUUID().toString())));

        Map<String, AuthorizationMatrix.Objects> objects = Map.of(
                "/api/v1/warnings/{id}", new AuthorizationMatrix.Objects(insideWarning, outsideWarning),
                "/api/v1/reports/{id}", new AuthorizationMatrix.Objects(insideReport, outsideReport),
                "/api/v1/bulletins/{id}", new AuthorizationMatrix.Objects(insideBulletin, outsideBulletin),
                "/api/v1/exports/bulletins/{id}", new AuthorizationMatrix.Objects(insideBulletin, outsideBulletin),
                "/api/v1/coverage-targets/{region}", new AuthorizationMatrix.Objects(INSIDE, OUTSIDE),
                "/api/v1/coverage-targets/{region}/{year}", new AuthorizationMatrix.Objects("2025", "2025"),
                "/api/v1/admin/rebuild/{generation}", new AuthorizationMatrix.Objects(generation, generation));
        Map<String, String> query = Map.of("region", INSIDE, "period", "2024-09", "periodType", "MONTH");
        return new Fixture(tokens, objects, query, Set.of(outsideWarning, outsideReport, outsideBulletin), Set.of());
    }

    private static String warning(String county) {
        return admin().queryParam("region", county).queryParam("kind", "STATION_INACTIVE").get("/api/v1/warnings")
                .then().statusCode(200).extract().<List<String>>path("items.id").get(0);
    }

    private static String report(String county) {
        return admin().contentType("application/json")
                .body(Map.of("regionCode", county, "periodType", "MONTH", "period", "2024-09", "narrative", "矩阵"))
                .post("/api/v1/reports").then().statusCode(201).extract().path("id");
    }

    private static String bulletin(String city) {
        return admin().contentType("application/json").body(Map.of("regionCode", city, "month", "2024-09"))
                .post("/api/v1/bulletins").then().statusCode(201).extract().path("id");
    }
}
