package org.socialwork.platform.sql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A GET's session is read-only: what it changes on a loaded entity never reaches the database. */
@QuarkusTest
class ReadOnlyReadsTest {

    private static final String ADMIN = Tokens.platformAdmin();

    private String note(String text) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"region\":\"3304\"}")
                .when().post("/notes").then().statusCode(201).extract().path("id");
    }

    @Test
    void aGetCannotWriteWhatItLoaded() {
        String id = note("as written");
        given().header("Authorization", ADMIN).when().get("/read-only-probe/" + id)
                .then().statusCode(200).body("readOnly", equalTo(true));
        given().header("Authorization", ADMIN).when().get("/notes/" + id)
                .then().statusCode(200).body("text", equalTo("as written")).body("version", equalTo(0));
    }

    @Test
    void otherMethodsStillWrite() {
        String id = note("as written");
        given().header("Authorization", ADMIN).when().post("/read-only-probe/" + id)
                .then().statusCode(200).body("readOnly", equalTo(false));
        given().header("Authorization", ADMIN).when().get("/notes/" + id)
                .then().statusCode(200).body("text", equalTo("changed by a POST"));
    }
}
