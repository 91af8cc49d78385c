package org.socialwork.reporting.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/** The normal build has none of the bench profile's bare endpoints: no bean and no route. */
@QuarkusTest
class BareEndpointsAbsentTest {

    @Test
    void theBareEndpointsAreNotPartOfTheNormalBuild() {
        given().when().get("/bench/baseline/dashboards/coverage?region=33").then().statusCode(404);
        given().when().get("/bench/baseline/warnings?region=33").then().statusCode(404);
        assertThat(Arc.container().select(BaselineReportingResource.class).isResolvable()).isFalse();
    }
}
