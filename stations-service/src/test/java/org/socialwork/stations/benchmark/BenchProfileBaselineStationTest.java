package org.socialwork.stations.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** In the bench build the bare endpoint exists and answers without a token. */
@QuarkusTest
@TestProfile(BenchBuildProfile.class)
class BenchProfileBaselineStationTest {

    @Test
    void theBenchBuildServesTheBareEndpoint() {
        assertThat(Arc.container().select(BaselineStationResource.class).isResolvable()).isTrue();
        // An unknown id reaches the SELECT and is answered by the resource itself, not by the router.
        given().when().get("/bench/baseline/stations/" + UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("urn:socialwork:problem:not-found"));
    }
}
