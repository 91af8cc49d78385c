package org.socialwork.stations.benchmark;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BaselineStationResourceTest {

    @Test
    void theUnauthenticatedBaselineIsOffUnlessABenchmarkTurnsItOn() {
        given().when().get("/bench/baseline/stations/" + UUID.randomUUID())
                .then().statusCode(404)
                .body("type", equalTo("urn:socialwork:problem:not-found"));
    }
}
