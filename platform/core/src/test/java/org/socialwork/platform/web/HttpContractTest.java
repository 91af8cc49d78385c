package org.socialwork.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** What a browser, a generic HTTP client or a proxy sees of every service: the platform's HTTP behaviour. */
@QuarkusTest
class HttpContractTest {

    private static final String ADMIN = Tokens.platformAdmin();
    private static final String DASHBOARD = "https://dashboard.example.org";

    @TestHTTPResource("/notes")
    URL notes;

    @Inject
    AgroalDataSource dataSource;

    private Response create(String text) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"region\":\"3304\"}")
                .when().post("/notes").then().statusCode(201).extract().response();
    }

    @Test
    void aWeakEtagNeverSatisfiesIfMatch() {
        String id = create("strong comparison").path("id");
        String body = "{\"text\":\"changed\",\"region\":\"3304\"}";
        given().header("Authorization", ADMIN).header("If-Match", "W/\"0\"").contentType(ContentType.JSON).body(body)
                .when().put("/notes/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:socialwork:problem:precondition-failed"));
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .when().put("/notes/" + id)
                .then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aGetNamingTheCurrentEtagIsAnsweredNotModifiedWithoutABody() {
        String id = create("conditional get").path("id");
        String etag = given().header("Authorization", ADMIN).when().get("/notes/" + id)
                .then().statusCode(200).extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        given().header("Authorization", ADMIN).header("If-None-Match", etag)
                .when().get("/notes/" + id)
                .then().statusCode(304).header("ETag", etag).body(emptyOrNullString());
        given().header("Authorization", ADMIN).header("If-None-Match", "\"7\", W/\"0\"")
                .when().get("/notes/" + id)
                .then().statusCode(304);
        given().header("Authorization", ADMIN).header("If-None-Match", "\"1\"")
                .when().get("/notes/" + id)
                .then().statusCode(200).body("text", equalTo("conditional get"));
    }

    @Test
    void aChangedRepresentationIsSentAgainInFull() {
        String id = create("before").path("id");
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"text\":\"after\",\"region\":\"3304\"}").when().put("/notes/" + id).then().statusCode(200);
        given().header("Authorization", ADMIN).header("If-None-Match", "\"0\"")
                .when().get("/notes/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("text", equalTo("after"));
    }

    @Test
    void aPageWithMoreCarriesItsNextLinkInALinkHeader() {
        for (int i = 0; i < 3; i++) {
            create("linked " + i);
        }
        Response first = given().header("Authorization", ADMIN).queryParam("limit", 2)
                .when().get("/notes").then().statusCode(200).extract().response();
        String next = first.path("next");
        assertThat(next).isNotNull();
        assertThat(first.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");

        String last = null;
        String cursor = first.path("nextCursor");
        while (cursor != null) {
            Response page = given().header("Authorization", ADMIN).queryParam("limit", 200).queryParam("cursor", cursor)
                    .when().get("/notes").then().statusCode(200).extract().response();
            cursor = page.path("nextCursor");
            last = page.header("Link");
        }
        assertThat(last).as("the last page links nowhere").isNull();
    }

    @Test
    void jsonIsCompressedForClientsThatAcceptGzip() throws Exception {
        String id = create("compressed").path("id");
        HttpResponse<byte[]> gzipped = get("/notes/" + id, "gzip");
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"text\":\"compressed\"");
        }

        HttpResponse<byte[]> plain = get("/notes/" + id, "identity");
        assertThat(plain.headers().firstValue("Content-Encoding").filter(e -> !e.equals("identity"))).isEmpty();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("\"text\":\"compressed\"");
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(notes.toString().replace("/notes", path)))
                .header("Authorization", ADMIN).header("Accept-Encoding", acceptEncoding).GET().build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aConfiguredDashboardOriginMayCallAndReadTheHeadersItNeeds() {
        given().header("Origin", DASHBOARD).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .when().options("/notes/00000000-0000-0000-0000-000000000001")
                .then().statusCode(200).header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));

        String id = create("from a dashboard").path("id");
        given().header("Authorization", ADMIN).header("Origin", DASHBOARD)
                .when().get("/notes/" + id)
                .then().statusCode(200).header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("Link"));
    }

    @Test
    void anOriginNotConfiguredIsNotAllowed() {
        String id = create("not for strangers").path("id");
        Response answer = given().header("Authorization", ADMIN).header("Origin", "https://elsewhere.example.com")
                .when().get("/notes/" + id).then().extract().response();
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void aChunkedJsonBodyAboveTheLimitIsRefusedAsItArrivesAndNothingIsStored() throws Exception {
        long before = notes();
        String text = "x".repeat(3000);
        HttpResponse<String> refused = postChunked("{\"text\":\"" + text + "\",\"region\":\"3304\"}");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("urn:socialwork:problem:payload-too-large").contains("2048");
        assertThat(notes()).isEqualTo(before);

        HttpResponse<String> accepted = postChunked("{\"text\":\"chunked but small\",\"region\":\"3304\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(notes()).isEqualTo(before + 1);
    }

    @Test
    void serverTimingsArePublishedAsAHistogram() {
        create("timed");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/notes\"[^}]*le=\"[0-9.]+\"");
    }

    private HttpResponse<String> postChunked(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(notes.toString()))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long notes() throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from platform_test.note")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
