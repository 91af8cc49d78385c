package org.socialwork.stations.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.stations.region.RegionFixtures.READER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RegionQueryTest {

    private static final List<String> HAINING_TOWNSHIPS = List.of("330481001", "330481002", "330481003", "330481004",
            "330481101", "330481103", "330481105", "330481106", "330481107", "330481108", "330481110", "330481112");

    @BeforeEach
    void importHaining() {
        RegionFixtures.importFixture("haining");
    }

    @Test
    void aRegionCarriesItsVersionAsETag() {
        JsonPath region = given().auth().oauth2(READER).when().get("/api/v1/regions/330481")
                .then().statusCode(200)
                .body("name", equalTo("海宁市"))
                .body("level", equalTo("COUNTY"))
                .body("parentCode", equalTo("3304"))
                .extract().jsonPath();
        String etag = given().auth().oauth2(READER).when().get("/api/v1/regions/330481").then().extract().header("ETag");
        assertThat(etag).isEqualTo("\"" + region.getLong("version") + "\"");
        given().auth().oauth2(READER).when().get("/api/v1/regions/330499").then().statusCode(404);
        given().when().get("/api/v1/regions/330481").then().statusCode(401);
    }

    @Test
    void childrenArePagedByCodeWithACursor() {
        List<Map<String, Object>> items = pages("/api/v1/regions/330481/children", Map.of("limit", 5), 3);

        assertThat(items).extracting(item -> item.get("code")).containsExactlyElementsOf(HAINING_TOWNSHIPS);
        given().auth().oauth2(READER).queryParam("cursor", "not-a-cursor")
                .when().get("/api/v1/regions/330481/children").then().statusCode(400);
        given().auth().oauth2(READER).queryParam("limit", 201)
                .when().get("/api/v1/regions/330481/children").then().statusCode(400);
    }

    @Test
    void theSubtreeHoldsAllDescendantsPagedByCode() {
        List<Map<String, Object>> townships = pages("/api/v1/regions/330481/subtree",
                Map.of("limit", 7, "level", "TOWNSHIP"), 2);
        assertThat(townships).extracting(item -> item.get("code")).containsExactlyElementsOf(HAINING_TOWNSHIPS);

        List<Map<String, Object>> all = pages("/api/v1/regions/330481/subtree", Map.of("limit", 100), 3);
        assertThat(all).hasSize(12 + 236);
        List<String> codes = all.stream().map(item -> (String) item.get("code")).toList();
        assertThat(codes).isSorted().doesNotHaveDuplicates().allMatch(code -> code.startsWith("330481") && code.length() > 6);
    }

    @Test
    void ancestorsStartWithTheProvince() {
        given().auth().oauth2(READER).when().get("/api/v1/regions/330481001003/ancestors")
                .then().statusCode(200)
                .body("code", equalTo(List.of("33", "3304", "330481", "330481001")))
                .body("level", equalTo(List.of("PROVINCE", "CITY", "COUNTY", "TOWNSHIP")));
        given().auth().oauth2(READER).when().get("/api/v1/regions/33/ancestors")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void searchFindsNamePartsWithinASubtreeAndLevel() {
        given().auth().oauth2(READER).queryParam("q", "硖石").queryParam("within", "330481").queryParam("level", "TOWNSHIP")
                .when().get("/api/v1/regions")
                .then().statusCode(200)
                .body("items.code", equalTo(List.of("330481001")));
        List<Map<String, Object>> communities = pages("/api/v1/regions",
                Map.of("q", "社区", "within", "330481001", "limit", 3), 10);
        assertThat(communities).hasSize(17).allSatisfy(item -> {
            assertThat((String) item.get("name")).contains("社区");
            assertThat((String) item.get("code")).startsWith("330481001");
        });
        given().auth().oauth2(READER).when().get("/api/v1/regions").then().statusCode(400);
        given().auth().oauth2(READER).queryParam("q", "海").queryParam("level", "STATE")
                .when().get("/api/v1/regions").then().statusCode(400);
    }

    /** Follows nextCursor through at most {@code maxPages} pages and returns all items. */
    private static List<Map<String, Object>> pages(String path, Map<String, Object> params, int maxPages) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            var request = given().auth().oauth2(READER).queryParams(params);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath body = request.when().get(path).then().statusCode(200).extract().jsonPath();
            items.addAll(body.getList("items"));
            cursor = body.getString("nextCursor");
            if (cursor == null) {
                return items;
            }
            assertThat(body.getString("next")).contains("cursor=");
        }
        throw new AssertionError("more than " + maxPages + " pages of " + path);
    }
}
