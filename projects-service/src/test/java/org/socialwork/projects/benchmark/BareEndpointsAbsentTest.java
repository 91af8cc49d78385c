package org.socialwork.projects.benchmark;

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
        given().when().get("/bench/baseline/projects/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/bench/baseline/projects?region=33").then().statusCode(404);
        given().when().get("/bench/baseline/clients/" + UUID.randomUUID()).then().statusCode(404);
        given().contentType("application/json").body("{}").when().post("/bench/baseline/service-records").then().statusCode(404);
        given().contentType("application/json").body("{}").when().post("/bench/baseline/service-records/batch").then().statusCode(404);
        assertThat(Arc.container().select(BaselineProjectResource.class).isResolvable()).isFalse();
        assertThat(Arc.container().select(BaselineRecordResource.class).isResolvable()).isFalse();
    }
}
