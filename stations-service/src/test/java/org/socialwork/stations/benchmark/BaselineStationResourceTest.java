package org.socialwork.stations.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The normal build (every profile but {@code bench}) has no bare endpoint: no bean and no route,
 * so the path is unknown rather than refused by a flag someone could turn on.
 */
@QuarkusTest
class BaselineStationResourceTest {

    @Test
    void theBareEndpointsAreNotPartOfTheNormalBuild() {
        given().when().get("/bench/baseline/stations/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/bench/baseline/stations?region=33").then().statusCode(404);
        given().contentType("application/json").body("{}").when().post("/bench/baseline/stations")
                .then().statusCode(404);
        assertThat(Arc.container().select(BaselineStationResource.class).isResolvable()).isFalse();
    }
}
