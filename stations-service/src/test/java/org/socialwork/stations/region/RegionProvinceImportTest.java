package org.socialwork.stations.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.stations.region.RegionFixtures.ADMIN;
import static org.socialwork.stations.region.RegionFixtures.READER;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A whole province from the national list: Zhejiang (33). */
@QuarkusTest
class RegionProvinceImportTest {

    /** The shared data set, beside the repository checkout; override with -Dsocialwork.divisions.dir. */
    private static final Path DIVISIONS = Path.of(System.getProperty("socialwork.divisions.dir",
            "../../shared/data/divisions"));

    /** Column of the province code in each file; the provinces file is keyed by its own code. */
    private static final Map<String, Integer> PROVINCE_COLUMN = Map.of("provinces", 0, "cities", 2, "areas", 3,
            "streets", 3, "villages", 3);

    @Test
    void zhejiangImportsWithAllItsTownshipsAndVillages(@TempDir Path dir) throws IOException {
        assertThat(DIVISIONS.resolve("villages.csv")).as("the shared division data set").isRegularFile();
        for (var entry : PROVINCE_COLUMN.entrySet()) {
            slice(entry.getKey(), entry.getValue(), "33", dir);
        }

        String location = RegionFixtures.upload(ADMIN, RegionFixtures.filesIn(dir))
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

    private static void slice(String part, int column, String province, Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<String> input = Files.lines(DIVISIONS.resolve(part + ".csv"), StandardCharsets.UTF_8)) {
            input.forEach(line -> {
                if (lines.isEmpty() || province.equals(line.split(",")[column])) {
                    lines.add(line);
                }
            });
        }
        Files.write(dir.resolve(part + ".csv"), lines, StandardCharsets.UTF_8);
    }
}
