package org.socialwork.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.socialwork.platform.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** How the platform reads request bodies and query parameters of the wrong shape or type. */
@QuarkusTest
class RequestShapeTest {

    private static final String ADMIN = Tokens.platformAdmin();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBodyWithoutContentTypeIsRefusedAndNothingIsStored() throws SQLException {
        long before = notes();
        given().header("Authorization", ADMIN).header("Accept-Language", "en")
                .body("{\"text\":\"no type\",\"region\":\"33\"}".getBytes())
                .when().post("/notes")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:socialwork:problem:unsupported-media-type"))
                .body("detail", containsString("Content-Type"));
        assertThat(notes()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"flag\":2}|flag",
        "{\"day\":12}|day",
        "{\"at\":1700000000}|at",
        "{\"hours\":1e400}|hours",
        "{\"hours\":\"2\"}|hours",
        "{\"day\":\"2026-02-30\"}|day",
        "{\"flag\":\"true\"}|flag",
        "{\"count\":1.5}|count",
        "{\"count\":\"7\"}|count",
        "{\"count\":true}|count",
        "{\"count\":{}}|count",
        "{\"ratio\":\"0.5\"}|ratio",
        "{\"ratio\":1e400}|ratio",
        "{\"label\":12}|label",
        "{\"label\":{\"a\":1}}|label",
        "{\"label\":[\"a\"]}|label",
        "{\"kind\":1}|kind",
        "{\"kind\":\"NOPE\"}|kind",
        "{\"inner\":\"x\"}|inner",
        "{\"inner\":[]}|inner",
        "{\"tags\":\"one\"}|tags",
        "{\"count\":99999999999999999999}|count"
    })
    void aValueOfTheWrongTypeIsRefusedNamingTheField(String body, String field) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/shapes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:socialwork:problem:validation"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void valuesOfTheRightTypeAreAccepted() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"flag\":true,\"count\":7,\"ratio\":0.5,\"label\":\"x\",\"kind\":\"TOWN\",\"inner\":{\"name\":\"n\"},\"tags\":[\"a\"]}")
                .when().post("/shapes")
                .then().statusCode(200).body("count", equalTo(7)).body("kind", equalTo("TOWN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"label\":\"x\"}]", "\"text\"", "42", "null", "{\"label\":\"x\"} {}", "{\"label\":", ""})
    void aBodyThatIsNotOneJsonObjectIsAProblem(String body) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/shapes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.startsWith("urn:socialwork:problem:"))
                .body("status", equalTo(400));
    }

    @Test
    void aDeeplyNestedBodyIsRefusedWithAProblem() {
        String body = "{\"inner\":" + "{\"name\":".repeat(100) + "\"x\"" + "}".repeat(100) + "}";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/shapes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.startsWith("urn:socialwork:problem:"));
    }

    @Test
    void aBodyAboveTheUploadLimitIsRefusedWithAProblemBeforeItIsRead() {
        byte[] body = new byte[200 * 1024];
        given().header("Authorization", ADMIN).header("Accept-Language", "en").contentType("text/csv").body(body)
                .when().post("/shapes")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:socialwork:problem:payload-too-large"))
                .body("detail", containsString("131072"));
    }

    @ParameterizedTest
    @CsvSource({"count,abc", "count,1.5", "count,99999999999", "flag,maybe", "flag,1", "ratio,NaN", "ratio,Infinity",
        "ratio,0x10", "id,not-a-uuid", "id,1-1-1-1-1", "day,2026-02-30", "day,yesterday", "kind,NOPE", "kind,town", "label,a\u0000b"})
    void aQueryParameterThatCannotBeReadIsA400NamingIt(String name, String value) {
        given().header("Authorization", ADMIN).queryParam(name, value == null ? "" : value)
                .when().get("/shapes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:socialwork:problem:validation"))
                .body("errors.field", hasItem(name));
    }

    @Test
    void wellFormedQueryParametersAreRead() {
        given().header("Authorization", ADMIN)
                .queryParam("count", "3").queryParam("flag", "false").queryParam("ratio", "-1.25")
                .queryParam("id", "0b7c3f1e-8e2a-4a57-9a1e-5c7d2b3e4f60").queryParam("day", "2028-02-29").queryParam("kind", "STREET")
                .when().get("/shapes")
                .then().statusCode(200).body("count", equalTo(3)).body("flag", equalTo(false))
                .body("day", equalTo("2028-02-29")).body("kind", equalTo("STREET"));
    }

    private long notes() throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from platform_test.note")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
