package org.socialwork.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProblemResponsesTest {

    private static final String ADMIN = Tokens.platformAdmin();

    @Test
    void unknownFieldIsRefusedAndNamed() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"text\":\"hello\",\"region\":\"33\",\"version\":7}")
                .when().post("/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:socialwork:problem:unknown-field"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/notes"))
                .body("errors.field", contains("version"));
    }

    @Test
    void malformedJsonIsAProblemWithoutInternals() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"text\": ")
                .when().post("/notes")
                .then().statusCode(400)
                .body("type", equalTo("urn:socialwork:problem:malformed-request"))
                .body(not(containsString("Exception")))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void validationListsEveryFieldInTheCallersLanguage() {
        given().header("Authorization", ADMIN).header("Accept-Language", "en-GB,en;q=0.8").contentType(ContentType.JSON)
                .body("{\"text\":\"\",\"region\":\"3304x\"}")
                .when().post("/notes")
                .then().statusCode(400)
                .header("Content-Language", "en")
                .body("type", equalTo("urn:socialwork:problem:validation"))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", contains("region", "text"))
                // A pattern names the field and the value, never its regular expression.
                .body("errors[0].message", equalTo("Field region has a value in the wrong format: \"3304x\"."));
    }

    @Test
    void chineseIsTheDefaultLanguage() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"text\":\"\",\"region\":\"33\"}")
                .when().post("/notes")
                .then().statusCode(400)
                .body("title", equalTo("请求参数不合法"));
    }

    @Test
    void missingObjectAndUnknownPathAreNotFoundProblems() {
        given().header("Authorization", ADMIN).when().get("/notes/" + UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("urn:socialwork:problem:not-found"))
                .body("code", equalTo(null));
        given().header("Authorization", ADMIN).when().get("/no-such-path")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodAndWrongMediaTypeAreProblems() {
        given().header("Authorization", ADMIN).when().delete("/notes/" + UUID.randomUUID())
                .then().statusCode(405).body("type", equalTo("urn:socialwork:problem:method-not-allowed"));
        given().header("Authorization", ADMIN).contentType(ContentType.XML).body("<note/>")
                .when().post("/notes")
                .then().statusCode(415).body("type", equalTo("urn:socialwork:problem:unsupported-media-type"));
    }

    @Test
    void anOversizedJsonBodyIsRefusedBeforeItIsRead() {
        String text = "x".repeat(3000);
        given().header("Authorization", ADMIN).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"region\":\"33\"}")
                .when().post("/notes")
                .then().statusCode(413)
                .body("type", equalTo("urn:socialwork:problem:payload-too-large"))
                .body("detail", containsString("2048"));
    }

    @Test
    void missingOrForgedTokenIsUnauthorized() {
        given().when().get("/notes")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:socialwork:problem:unauthorized"));
        given().header("Authorization", "Bearer not.a.token").when().get("/notes")
                .then().statusCode(401).body("type", equalTo("urn:socialwork:problem:unauthorized"));
    }
}
