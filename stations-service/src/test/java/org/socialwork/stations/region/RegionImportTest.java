package org.socialwork.stations.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.stations.region.RegionFixtures.ADMIN;
import static org.socialwork.stations.region.RegionFixtures.READER;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.infra.jwt.DevTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RegionImportTest {

    /** Haining: province + city + county + 12 townships + 236 villages. */
    private static final int HAINING_ROWS = 251;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void countyFixtureImportsTwelveTownshipsWithKindsDerivedFromNames() {
        JsonPath job = RegionFixtures.importFixture("haining");
        assertThat(job.getLong("rowsTotal")).isEqualTo(HAINING_ROWS);
        assertThat(job.getLong("rowsDone")).isEqualTo(HAINING_ROWS);
        assertThat(job.getLong("inserted") + job.getLong("updated") + job.getLong("unchanged")).isEqualTo(HAINING_ROWS);
        assertThat(job.getString("startedAt")).isNotNull();
        assertThat(job.getString("finishedAt")).isNotNull();

        given().auth().oauth2(READER).when().get("/api/v1/regions/330481/counts")
                .then().statusCode(200)
                .body("code", equalTo("330481"))
                .body("townships", equalTo(12))
                .body("villages", equalTo(236))
                .body("townshipsByKind.STREET", equalTo(4))
                .body("townshipsByKind.TOWN", equalTo(8))
                .body("townshipsByKind.TOWNSHIP", equalTo(0))
                .body("townshipsByKind.OTHER", equalTo(0));
        given().auth().oauth2(READER).when().get("/api/v1/regions/330481101")
                .then().statusCode(200)
                .body("name", equalTo("许村镇"))
                .body("level", equalTo("TOWNSHIP"))
                .body("parentCode", equalTo("330481"))
                .body("townshipKind", equalTo("TOWN"));
        given().auth().oauth2(READER).when().get("/api/v1/regions/330481001003")
                .then().statusCode(200)
                .body("level", equalTo("VILLAGE"))
                .body("parentCode", equalTo("330481001"))
                .body("townshipKind", equalTo(null));
    }

    @Test
    void reimportingTheSameFilesChangesNothingAndPublishesNothing() {
        RegionFixtures.importFixture("haining");
        long outboxBefore = outboxRows("330481%");
        long versionsBefore = RegionFixtures.queryLong(dataSource,
                "select sum(version) from region where code like '330481%'");
        String updatedBefore = lastUpdate("330481%");

        JsonPath again = RegionFixtures.importFixture("haining");

        assertThat(again.getLong("inserted")).isZero();
        assertThat(again.getLong("updated")).isZero();
        assertThat(again.getLong("unchanged")).isEqualTo(HAINING_ROWS);
        assertThat(outboxRows("330481%")).isEqualTo(outboxBefore);
        assertThat(RegionFixtures.queryLong(dataSource, "select sum(version) from region where code like '330481%'"))
                .isEqualTo(versionsBefore);
        assertThat(lastUpdate("330481%")).isEqualTo(updatedBefore);
    }

    @Test
    void aChangedNameBumpsTheVersionOfThatRegionOnlyAndPublishesOneEvent(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        RegionFixtures.importFixture("dongcheng");
        long versionBefore = version("110101003");
        long outboxBefore = outboxRows("110101%");
        Path streets = dir.resolve("streets.csv");
        String original = Files.readString(RegionFixtures.fixture("dongcheng").resolve("streets.csv"));
        Files.writeString(streets, original.replace("\"交道口街道\"", "\"交道口新街道\""), StandardCharsets.UTF_8);

        JsonPath job = RegionFixtures.importAndWait(Map.of("streets", streets), Duration.ofSeconds(30));

        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("updated")).isEqualTo(1);
        assertThat(job.getLong("inserted")).isZero();
        assertThat(version("110101003")).isEqualTo(versionBefore + 1);
        assertThat(outboxRows("110101%")).isEqualTo(outboxBefore + 1);
        assertThat(RegionFixtures.queryLong(dataSource,
                "select count(*) from outbox_event where event_key = '110101003' and payload->>'name' = '交道口新街道'"
                        + " and (payload->>'version')::bigint = ?", versionBefore + 1)).isEqualTo(1);

        // back to the real name, so that other tests see the national list
        RegionFixtures.importFixture("dongcheng");
        given().auth().oauth2(READER).when().get("/api/v1/regions/110101003")
                .then().statusCode(200).body("name", equalTo("交道口街道")).body("version", equalTo((int) versionBefore + 2));
    }

    @Test
    void aBadRowFailsTheJobNamingFileAndLineAndChangesNothing() {
        RegionFixtures.importFixture("dongcheng");
        long outboxBefore = outboxRows("%");

        JsonPath job = RegionFixtures.importAndWait(RegionFixtures.filesIn(RegionFixtures.fixture("bad")),
                Duration.ofSeconds(30));

        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getString("error")).contains("streets.csv line 3").contains("11010199").contains("9 digits");
        assertThat(job.getString("finishedAt")).isNotNull();
        // the valid row before the bad one was rolled back with it
        given().auth().oauth2(READER).when().get("/api/v1/regions/110101998").then().statusCode(404);
        assertThat(outboxRows("%")).isEqualTo(outboxBefore);
    }

    @Test
    void onlyAPlatformAdminMayImport() {
        String bureauAdmin = DevTokens.mint(DevTokens.Caller.bureau("bureau-admin", "33"));
        RegionFixtures.upload(bureauAdmin, RegionFixtures.filesIn(RegionFixtures.fixture("haining")))
                .when().post("/api/v1/admin/region-imports")
                .then().statusCode(403);
        String location = RegionFixtures.upload(ADMIN, Map.of("provinces",
                RegionFixtures.fixture("haining").resolve("provinces.csv")))
                .when().post("/api/v1/admin/region-imports")
                .then().statusCode(202).body("state", equalTo("QUEUED")).extract().header("Location");
        given().auth().oauth2(bureauAdmin).when().get(location).then().statusCode(404);
        given().when().get(location).then().statusCode(401);
        RegionFixtures.awaitJob(location, Duration.ofSeconds(30));
    }

    @Test
    void aServerDirectoryInsideTheImportRootIsImported() throws Exception {
        Path root = Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = Files.createTempDirectory(root, "divisions-");
        try {
            for (Path file : RegionFixtures.filesIn(RegionFixtures.fixture("dongcheng")).values()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
            String location = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("directory", dir.toString()))
                    .when().post("/api/v1/admin/region-imports")
                    .then().statusCode(202).extract().header("Location");
            JsonPath job = RegionFixtures.awaitJob(location, Duration.ofSeconds(30));
            assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
            assertThat(job.getInt("rowsDone")).isEqualTo(job.getInt("rowsTotal")).isEqualTo(20);
            given().auth().oauth2(ADMIN).when().get("/api/v1/regions/110101/counts")
                    .then().statusCode(200).body("townships", equalTo(17));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void aServerDirectoryOutsideTheImportRootIsRefused() {
        given().auth().oauth2(ADMIN).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("directory", "/etc"))
                .when().post("/api/v1/admin/region-imports")
                .then().statusCode(422)
                .body("detail", containsString("/etc"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("directory", "/var/lib/socialwork/imports/../../../../etc"))
                .when().post("/api/v1/admin/region-imports")
                .then().statusCode(422);
    }

    private long outboxRows(String keyPattern) {
        return RegionFixtures.queryLong(dataSource,
                "select count(*) from outbox_event where topic = 'stations.region.v1' and event_key like ?", keyPattern);
    }

    private long version(String code) {
        return RegionFixtures.queryLong(dataSource, "select version from region where code = ?", code);
    }

    private String lastUpdate(String codePattern) {
        return String.valueOf(RegionFixtures.queryLong(dataSource,
                "select (extract(epoch from max(updated_at)) * 1000000)::bigint from region where code like ?", codePattern));
    }
}
