package org.socialwork.stations.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.stations.region.RegionFixtures.ADMIN;
import static org.socialwork.stations.region.RegionFixtures.READER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A whole province from the national list: Zhejiang (33). */
@QuarkusTest
class RegionProvinceImportTest {

    /**
     * Zhejiang's rows of the national list, as committed for the demo data (the province's slice of
     * the public data set, all five files), so the test needs nothing outside the repository.
     */
    private static final Path ZHEJIANG = Path.of("../deploy/local/demo-data/divisions-33");

    @Test
    void zhejiangImportsWithAllItsTownshipsAndVillages() {
        assertThat(RegionFixtures.filesIn(ZHEJIANG)).hasSize(5);

        String location = RegionFixtures.upload(ADMIN, RegionFixtures.filesIn(ZHEJIANG))
                .when().post("/api/v1/admin/region-imports")
                .then().statusCode(202).extract().header("Location");
        List<Long> progress = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath job = given().auth().oauth2(ADMIN).when().get(location).then().statusCode(200).extract().jsonPath();
            progress.add(job.getLong("rowsDone"));
            return !List.of("QUEUED", "RUNNING").contains(job.getString("state"));
        });
        JsonPath job = given().auth().oauth2(ADMIN).when().get(location).then().extract().jsonPath();

        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        long rows = 1 + 11 + 90 + 1_387 + 25_547;
        assertThat(job.getLong("rowsTotal")).isEqualTo(rows);
        assertThat(job.getLong("rowsDone")).isEqualTo(rows);
        assertThat(progress).isSorted().allMatch(done -> done <= rows);
        given().auth().oauth2(READER).when().get("/api/v1/regions/33/counts")
                .then().statusCode(200)
                .body("townships", equalTo(1_387))
                .body("villages", equalTo(25_547));
        given().auth().oauth2(READER).queryParam("limit", 200).when().get("/api/v1/regions/33/children")
                .then().statusCode(200).body("items.size()", equalTo(11)).body("nextCursor", equalTo(null));
        given().auth().oauth2(READER).queryParam("limit", 200).queryParam("level", "COUNTY")
                .when().get("/api/v1/regions/33/subtree")
                .then().statusCode(200).body("items.size()", equalTo(90));
    }
}
