package org.socialwork.personnel.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/** The normal build has none of the bench profile's bare endpoints: no bean and no route. */
@QuarkusTest
class BareEndpointsAbsentTest {

    @Test
    void theBareEndpointsAreNotPartOfTheNormalBuild() {
        given().when().get("/bench/baseline/workers/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/bench/baseline/workers?region=33").then().statusCode(404);
        assertThat(Arc.container().select(BaselineWorkerResource.class).isResolvable()).isFalse();
    }
}
