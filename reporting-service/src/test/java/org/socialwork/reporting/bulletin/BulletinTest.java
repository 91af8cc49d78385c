package org.socialwork.reporting.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.reporting.readmodel.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** A city's monthly bulletin: the rankings endpoint's figures frozen, commented, issued, then immutable. */
@QuarkusTest
class BulletinTest {

    private static final String PATH = "/api/v1/bulletins";

    @Inject
    DataSource dataSource;

    @Test
    void cityBulletinRanksItsCountiesAndIsFrozenOnceIssued() {
        UUID east = UUID.randomUUID();
        UUID west = UUID.randomUUID();
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("64", "通报省", "PROVINCE", 1));
            sent.add(events.region("6401", "通报市", "CITY", 1));
            sent.add(events.region("640101", "东县", "COUNTY", 1));
            sent.add(events.region("640102", "西县", "COUNTY", 1));
            sent.add(events.station(east, "640101001", "TOWNSHIP_STATION", "OPERATING", true, 1));
            sent.add(events.station(west, "640102001", "TOWNSHIP_STATION", "OPERATING", true, 1));
            for (int i = 0; i < 3; i++) {
                sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-1" + i + "T02:00:00Z", 30,
                        west, "640102001", List.of(UUID.randomUUID()), List.of())));
            }
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-05T02:00:00Z", 30, east,
                    "640101001", List.of(UUID.randomUUID()), List.of())));
            for (int i = 0; i < 4; i++) {
                sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-08-1" + i + "T02:00:00Z", 30,
                        east, "640101001", List.of(UUID.randomUUID()), List.of())));
            }
            Fixtures.awaitConsumed(dataSource, sent);
        }

        Map<String, Object> create = Map.of("regionCode", "6401", "month", "2024-09",
                "comments", Map.of("640101", "走访量下滑，请加强。"), "summary", "九月通报");
        as("bureau-admin", "64").contentType("application/json").body(create).post(PATH).then().statusCode(403);
        as("bureau-admin", "6402").contentType("application/json").body(create).post(PATH).then().statusCode(404);
        as("bureau-admin", "6401").contentType("application/json")
                .body(Map.of("regionCode", "6401", "month", "2024-09", "comments", Map.of("650101", "x")))
                .post(PATH).then().statusCode(400);

        ExtractableResponse<Response> created = as("bureau-admin", "6401").contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(create).post(PATH).then().statusCode(201)
                .extract();
        String id = created.path("id");
        assertThat(created.<String>path("status")).isEqualTo("DRAFT");
        assertThat(created.<String>path("comments.640101")).isEqualTo("走访量下滑，请加强。");
        assertThat(created.<List<String>>path("rankings.measure")).containsExactly("VISIT", "TOWNSHIP_COVERAGE");
        assertThat(created.<String>path("asOf")).isNotNull();
        as("bureau-admin", "6401").contentType("application/json").body(create).post(PATH).then().statusCode(409);

        JsonPath visits = as("bureau-admin", "6401").queryParam("region", "6401").queryParam("period", "2024-09")
                .queryParam("measure", "VISIT").queryParam("normalise", "PER_STATION").get("/api/v1/rankings").then()
                .statusCode(200).extract().jsonPath();
        JsonPath coverage = as("bureau-admin", "6401").queryParam("region", "6401").queryParam("period", "2024-09")
                .queryParam("measure", "TOWNSHIP_COVERAGE").get("/api/v1/rankings").then().statusCode(200).extract()
                .jsonPath();
        JsonPath bulletin = created.jsonPath();
        assertThat(visits.getList("rows.id")).containsExactly("640102", "640101");
        assertThat(visits.getList("rows.rankChange", Integer.class)).containsExactly(1, -1);
        assertThat(bulletin.getList("rankings[0].rows")).isEqualTo(visits.getList("rows"));
        assertThat(bulletin.getList("rankings[1].rows")).isEqualTo(coverage.getList("rows"));

        String etag = created.header("ETag");
        as("bureau-admin", "6401").contentType("application/json").body(Map.of("summary", "x")).patch(PATH + "/" + id)
                .then().statusCode(428);
        as("bureau-admin", "6401").contentType("application/json").header("If-Match", "\"99\"")
                .body(Map.of("summary", "x")).patch(PATH + "/" + id).then().statusCode(412);
        as("bureau-admin", "64").contentType("application/json").header("If-Match", etag)
                .body(Map.of("summary", "x")).patch(PATH + "/" + id).then().statusCode(403);
        as("bureau-viewer", "640101").get(PATH + "/" + id).then().statusCode(404);
        var patched = as("bureau-admin", "6401").contentType("application/json").header("If-Match", etag)
                .body(Map.of("comments", Map.of("640102", "表现突出。"), "summary", "九月通报（修订）"))
                .patch(PATH + "/" + id).then().statusCode(200).extract();
        assertThat(patched.<Map<String, String>>path("comments")).containsExactly(Map.entry("640102", "表现突出。"));
        assertThat(patched.<String>path("summary")).isEqualTo("九月通报（修订）");

        var issued = as("bureau-admin", "6401").header("If-Match", patched.header("ETag")).post(PATH + "/" + id + "/issue")
                .then().statusCode(200).extract();
        assertThat(issued.<String>path("status")).isEqualTo("ISSUED");
        as("bureau-admin", "6401").contentType("application/json").header("If-Match", issued.header("ETag"))
                .body(Map.of("summary", "改")).patch(PATH + "/" + id).then().statusCode(409);
        as("bureau-admin", "6401").header("If-Match", issued.header("ETag")).post(PATH + "/" + id + "/issue").then()
                .statusCode(409);

        assertThat(as("bureau-viewer", "640101").get(PATH + "/" + id).then().statusCode(200).extract()
                .<String>path("summary")).isEqualTo("九月通报（修订）");
        as("bureau-viewer", "6402").get(PATH + "/" + id).then().statusCode(404);
        assertThat(as("bureau-viewer", "640101").queryParam("region", "6401").queryParam("month", "2024-09").get(PATH)
                .then().statusCode(200).extract().<List<String>>path("items.id")).containsExactly(id);
        assertThat(as("bureau-viewer", "64").queryParam("region", "6401").queryParam("month", "2024-09").get(PATH)
                .then().statusCode(200).extract().<List<String>>path("items.id")).containsExactly(id);
        as("bureau-viewer", "6402").queryParam("region", "6401").get(PATH).then().statusCode(404);

        String csv = new String(as("bureau-viewer", "640101").get("/api/v1/exports/bulletins/" + id + ".csv").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).contains(
                "VISIT,PER_STATION,1,2,1,640102,西县,3,1,0,3.00,表现突出。",
                "VISIT,PER_STATION,2,1,-1,640101,东县,1,1,0,1.00,");
        as("bureau-viewer", "640101").get("/api/v1/exports/bulletins/" + id + ".xlsx").then().statusCode(200);
        as("bureau-viewer", "6402").get("/api/v1/exports/bulletins/" + id + ".csv").then().statusCode(404);
    }
}
