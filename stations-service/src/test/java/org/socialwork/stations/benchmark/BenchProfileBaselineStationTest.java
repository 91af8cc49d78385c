package org.socialwork.stations.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** In the bench build the bare endpoints exist and answer without a token. */
@QuarkusTest
@TestProfile(BenchBuildProfile.class)
class BenchProfileBaselineStationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void theBenchBuildServesTheBareEndpoints() throws SQLException {
        assertThat(Arc.container().select(BaselineStationResource.class).isResolvable()).isTrue();
        // An unknown id reaches the SELECT and is answered by the resource itself, not by the router.
        given().when().get("/bench/baseline/stations/" + UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("urn:socialwork:problem:not-found"));

        // A township of a made-up province, so that no other test's station or region is touched.
        String province = "9" + ThreadLocalRandom.current().nextInt(10);
        String township = province + "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into region (code, name, level, parent_code, version, updated_at)
                        values (?, '基准省', 'PROVINCE', null, 1, ?), (?, '基准镇', 'TOWNSHIP', null, 1, ?) on conflict do nothing""")) {
            insert.setString(1, province);
            insert.setObject(2, clock.now());
            insert.setString(3, township);
            insert.setObject(4, clock.now());
            insert.executeUpdate();
        }
        String id = given().contentType("application/json")
                .body(Map.of("name", "基准站", "level", "TOWNSHIP_STATION", "regionCode", township, "operationMode", "GOVERNMENT_RUN"))
                .when().post("/bench/baseline/stations").then().statusCode(201).extract().path("id");
        given().when().get("/bench/baseline/stations/" + id).then().statusCode(200)
                .body("region_code", equalTo(township)).body("region_name", equalTo("基准镇"));
        given().when().get("/bench/baseline/stations?region=" + province).then().statusCode(200)
                .body("items.id", hasItem(id));
    }
}
