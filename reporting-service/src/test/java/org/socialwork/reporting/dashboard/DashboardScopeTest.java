package org.socialwork.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.reporting.readmodel.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** A county user cannot read another county's dashboards (404, as if it did not exist). */
@QuarkusTest
class DashboardScopeTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void regions() {
        try (Fixtures events = new Fixtures()) {
            Fixtures.awaitConsumed(dataSource, List.of(
                    events.region("73", "范围省", "PROVINCE", 1),
                    events.region("7301", "范围市", "CITY", 1),
                    events.region("730101", "本县", "COUNTY", 1),
                    events.region("730102", "邻县", "COUNTY", 1)));
        }
    }

    @Test
    void aCountyUserReadsItsOwnCountyOnly() {
        for (String dashboard : List.of("network", "projects")) {
            as("bureau-viewer", "730101").queryParam("region", "730101").get("/api/v1/dashboards/" + dashboard)
                    .then().statusCode(200);
            as("bureau-viewer", "730101").queryParam("region", "730102").get("/api/v1/dashboards/" + dashboard)
                    .then().statusCode(404);
            as("bureau-viewer", "730101").queryParam("region", "7301").get("/api/v1/dashboards/" + dashboard)
                    .then().statusCode(404);
        }
        for (String dashboard : List.of("service-output", "workforce", "visit-compliance", "evaluations")) {
            as("bureau-admin", "730101").queryParam("region", "730101").queryParam("period", "2024-09")
                    .get("/api/v1/dashboards/" + dashboard).then().statusCode(200);
            as("bureau-admin", "730101").queryParam("region", "730102").queryParam("period", "2024-09")
                    .get("/api/v1/dashboards/" + dashboard).then().statusCode(404);
        }
        as("bureau-viewer", "730101").get("/api/v1/coverage-targets/730102/2025").then().statusCode(404);
        for (String role : List.of("agency-admin", "field-worker", "evaluator")) {
            as(role, "730101").get("/api/v1/coverage-targets/730101/2025").then().statusCode(404);
        }
        as("bureau-viewer", "730101").get("/api/v1/coverage-targets/730101/2025").then().statusCode(200);
        as("bureau-viewer", "730101").get("/api/v1/coverage-targets/730101/-1").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("year"));
        as("bureau-viewer", "730101").queryParam("region", "730101").queryParam("year", -1)
                .get("/api/v1/dashboards/network").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("year"));
    }

    @Test
    void aProvincialDashboardReadsEveryCountyAndOthersAreRefused() {
        as("dashboard", "73").queryParam("region", "730102").get("/api/v1/dashboards/network").then().statusCode(200);
        as("dashboard", "73").queryParam("region", "7301").queryParam("period", "2024")
                .get("/api/v1/dashboards/service-output").then().statusCode(200);
        as("dashboard", "74").queryParam("region", "73").get("/api/v1/dashboards/network").then().statusCode(404);
        as("field-worker", "730101").queryParam("region", "730101").get("/api/v1/dashboards/network").then()
                .statusCode(403);
        given().queryParam("region", "73").get("/api/v1/dashboards/network").then().statusCode(401);
    }
}
