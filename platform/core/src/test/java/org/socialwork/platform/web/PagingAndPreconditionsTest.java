package org.socialwork.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PagingAndPreconditionsTest {

    private static final String ADMIN = Tokens.platformAdmin();

    private String create(String token, String text, String region) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"region\":\"" + region + "\"}")
                .when().post("/notes").then().statusCode(201).extract().path("id");
    }

    @Test
    void keysetPagesVisitEveryItemOnceAndEnd() {
        String region = "4101";
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(ADMIN, "page " + i, region + "0" + i));
        }
        String token = Tokens.bureauAdmin(region);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", token).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/notes").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                assertThat(page.getString("next")).contains("cursor=" + cursor);
            }
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(created);
        assertThat(new HashSet<>(seen)).hasSize(5);
    }

    @Test
    void pageSizeAndCursorAreValidated() {
        given().header("Authorization", ADMIN).queryParam("limit", 201).when().get("/notes")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("Authorization", ADMIN).queryParam("cursor", "not-a-cursor").when().get("/notes")
                .then().statusCode(400).body("type", equalTo("urn:socialwork:problem:invalid-cursor"));
    }

    @Test
    void changesNeedTheCurrentVersionInIfMatch() {
        String id = create(ADMIN, "v0", "4201");
        String etag = given().header("Authorization", ADMIN).when().get("/notes/" + id)
                .then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        String body = "{\"text\":\"changed\",\"region\":\"4201\"}";

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/notes/" + id)
                .then().statusCode(428).body("type", equalTo("urn:socialwork:problem:precondition-required"));
        given().header("Authorization", ADMIN).header("If-Match", "\"999\"").contentType(ContentType.JSON).body(body)
                .when().put("/notes/" + id)
                .then().statusCode(412).body("type", equalTo("urn:socialwork:problem:precondition-failed"));
        given().header("Authorization", ADMIN).when().get("/notes/" + id).then().body("text", equalTo("v0"));

        String next = given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/notes/" + id)
                .then().statusCode(200).body("text", equalTo("changed")).extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
        given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/notes/" + id).then().statusCode(412);
    }

    @Test
    void objectsOutsideTheCallersRegionDoNotExistForThem() {
        String id = create(ADMIN, "pinghu", "330482");
        given().header("Authorization", Tokens.bureauAdmin("330481")).when().get("/notes/" + id)
                .then().statusCode(404).body("type", equalTo("urn:socialwork:problem:not-found"));
        given().header("Authorization", Tokens.bureauAdmin("3304")).when().get("/notes/" + id)
                .then().statusCode(200);
    }
}
