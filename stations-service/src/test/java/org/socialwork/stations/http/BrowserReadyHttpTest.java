package org.socialwork.stations.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.stations.station.StationFixtures.JIAXING;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.createStation;
import static org.socialwork.stations.station.StationFixtures.freeTownship;
import static org.socialwork.stations.station.StationFixtures.stationBody;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.stations.station.StationFixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The service as its own configuration ships it: no browser origin is trusted until one is
 * configured, exports and lists are compressed, a station read can be revalidated with its ETag.
 */
@QuarkusTest
class BrowserReadyHttpTest {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void regions() {
        StationFixtures.ensureRegions(dataSource);
    }

    @Test
    void noBrowserOriginIsAllowedByDefault() {
        Response preflight = given().header("Origin", "https://dashboard.example.org")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/stations").then().extract().response();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        Response read = given().auth().oauth2(adminToken()).header("Origin", "https://dashboard.example.org")
                .when().get("/api/v1/stations?limit=1").then().extract().response();
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
        assertThat(read.statusCode()).isEqualTo(403);
    }

    @Test
    void theCsvExportIsGzippedForClientsThatAcceptIt() throws Exception {
        createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)));
        HttpResponse<byte[]> answer = get("api/v1/stations/export.csv?region=" + JIAXING, "gzip");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(answer.body()))) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFF").contains(JIAXING);
        }
    }

    @Test
    void aStationReadIsRevalidatedWithItsEtag() {
        String id = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)));
        String etag = given().auth().oauth2(adminToken()).when().get("/api/v1/stations/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(adminToken()).header("If-None-Match", etag).when().get("/api/v1/stations/" + id)
                .then().statusCode(304);
    }

    @Test
    void aListPageLinksTheNextOne() {
        createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)));
        createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)));
        Response page = given().auth().oauth2(adminToken()).queryParam("region", JIAXING).queryParam("limit", 1)
                .when().get("/api/v1/stations").then().statusCode(200).extract().response();
        String next = page.path("next");
        assertThat(page.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + path))
                .header("Authorization", "Bearer " + adminToken()).header("Accept-Encoding", acceptEncoding).GET().build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
