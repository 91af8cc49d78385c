package org.socialwork.stations.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.socialwork.stations.region.RegionFixtures.ADMIN;
import static org.socialwork.stations.region.RegionFixtures.READER;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.platform.time.BusinessClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@Tag("clock")
class RegionRetirementTest {

    @Inject
    BusinessClock clock;

    @BeforeEach
    void importDongcheng() {
        RegionFixtures.importFixture("dongcheng");
    }

    @Test
    void aRetiredRegionDisappearsFromListsFromItsEffectiveDateOn() {
        LocalDate retiredFrom = firstRetirement();
        LocalDate between = retiredFrom.plusMonths(5);
        LocalDate before = retiredFrom.minusMonths(7);
        String etag = etag("110101017");
        retire(ADMIN, "110101017", etag, Map.of("effectiveDate", retiredFrom.toString(), "mergedInto", "110101016",
                "reason", "街道调整"))
                .statusCode(200)
                .body("validTo", equalTo(retiredFrom.toString()))
                .body("mergedInto", equalTo("110101016"))
                .body("version", equalTo(Integer.parseInt(etag.replace("\"", "")) + 1));

        given().auth().oauth2(READER).queryParam("asOf", retiredFrom.minusDays(1).toString())
                .when().get("/api/v1/regions/110101017").then().statusCode(200);
        given().auth().oauth2(READER).queryParam("asOf", retiredFrom.toString()).when().get("/api/v1/regions/110101017")
                .then().statusCode(404);
        given().auth().oauth2(READER).when().get("/api/v1/regions/110101017")
                .then().statusCode(200).body("validTo", equalTo(retiredFrom.toString()));

        given().auth().oauth2(READER).queryParam("limit", 200).when().get("/api/v1/regions/110101/children")
                .then().statusCode(200).body("items.code", not(hasItem("110101017")));
        // other tests retire further streets later (laterRetirement(), or in the future): "between" sees only this one
        given().auth().oauth2(READER).queryParam("asOf", between.toString()).queryParam("limit", 200)
                .when().get("/api/v1/regions/110101/children")
                .then().statusCode(200).body("items.code", not(hasItem("110101017"))).body("items.size()", equalTo(16));
        given().auth().oauth2(READER).queryParam("asOf", before.toString()).queryParam("limit", 200)
                .when().get("/api/v1/regions/110101/children")
                .then().statusCode(200).body("items.code", hasItem("110101017")).body("items.size()", equalTo(17));
        given().auth().oauth2(READER).queryParam("q", "永定门外").when().get("/api/v1/regions")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(READER).queryParam("q", "永定门外").queryParam("asOf", before.toString())
                .when().get("/api/v1/regions")
                .then().statusCode(200).body("items.code", equalTo(java.util.List.of("110101017")));
        given().auth().oauth2(READER).queryParam("asOf", between.toString()).when().get("/api/v1/regions/110101/counts")
                .then().statusCode(200).body("townships", equalTo(16)).body("townshipsByKind.STREET", equalTo(16));
        given().auth().oauth2(READER).queryParam("asOf", before.toString()).when().get("/api/v1/regions/110101/counts")
                .then().statusCode(200).body("townships", equalTo(17));

        // a second retirement of the same region collides with the first
        retire(ADMIN, "110101017", etag("110101017"), Map.of("effectiveDate", laterRetirement().toString(),
                "reason", "再次撤销"))
                .statusCode(409);
        // nor can another region be merged into a retired one
        retire(ADMIN, "110101015", etag("110101015"), Map.of("effectiveDate", laterRetirement().toString(),
                "mergedInto", "110101017", "reason", "并入已撤销街道"))
                .statusCode(422);
    }

    @Test
    void retirementNeedsTheCurrentVersionInIfMatch() {
        String later = laterRetirement().toString();
        retire(ADMIN, "110101014", null, Map.of("effectiveDate", later, "reason", "缺少 If-Match"))
                .statusCode(428);
        retire(ADMIN, "110101014", "\"999\"", Map.of("effectiveDate", later, "reason", "过期版本"))
                .statusCode(412);
        given().auth().oauth2(READER).when().get("/api/v1/regions/110101014")
                .then().statusCode(200).body("validTo", equalTo(null));
    }

    @Test
    void mergeTargetsMustBeOtherValidRegionsOfTheSameLevel() {
        String later = laterRetirement().toString();
        String etag = etag("110101013");
        retire(ADMIN, "110101013", etag, Map.of("effectiveDate", later, "mergedInto", "110101", "reason", "层级不同"))
                .statusCode(422);
        retire(ADMIN, "110101013", etag, Map.of("effectiveDate", later, "mergedInto", "110101013", "reason", "自身"))
                .statusCode(422);
        retire(ADMIN, "110101013", etag, Map.of("effectiveDate", later, "mergedInto", "110101997", "reason", "不存在"))
                .statusCode(422);
        retire(ADMIN, "110101013", etag, Map.of("effectiveDate", later, "reason", "未知字段", "validTo", later))
                .statusCode(400);
        assertThat(etag("110101013")).isEqualTo(etag);
    }

    @Test
    void onlyABureauAdminCoveringTheRegionMayRetireIt() {
        String later = laterRetirement().toString();
        String etag = etag("110101012");
        Map<String, String> body = Map.of("effectiveDate", later, "reason", "权限");
        retire(DevTokens.mint(DevTokens.Caller.bureau("bureau-admin", "33")), "110101012", etag, body).statusCode(403);
        retire(DevTokens.mint(DevTokens.Caller.bureau("bureau-viewer", "11")), "110101012", etag, body).statusCode(403);
        retire(DevTokens.mint(DevTokens.Caller.bureau("bureau-admin", "1101")), "110101012", etag, body)
                .statusCode(200).body("validTo", equalTo(later));
    }

    /** The retirement the lists are checked against: far enough back to be past whatever the day. */
    private LocalDate firstRetirement() {
        return clock.today().minusYears(2);
    }

    /** The other retirements of this class: past too, but after the months around firstRetirement() it looks at. */
    private LocalDate laterRetirement() {
        return clock.today().minusYears(1);
    }

    private static String etag(String code) {
        return given().auth().oauth2(READER).when().get("/api/v1/regions/" + code)
                .then().statusCode(200).extract().header("ETag");
    }

    private static ValidatableResponse retire(String token, String code, String ifMatch, Map<String, String> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/v1/regions/" + code + "/retirement").then();
    }
}
