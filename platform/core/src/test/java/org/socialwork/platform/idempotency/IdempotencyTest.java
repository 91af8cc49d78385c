package org.socialwork.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.Tokens;
import org.socialwork.platform.testapp.SlowGate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class IdempotencyTest {

    private static final String ADMIN = Tokens.platformAdmin();

    @Inject
    EntityManager em;

    @Inject
    SlowGate gate;

    private Response post(String key, String text) {
        return post("/notes", key, text);
    }

    private Response post(String path, String key, String text) {
        return given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"region\":\"4301\"}")
                .when().post(path);
    }

    private long notesWithText(String text) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from note where text = ?1").setParameter(1, text).getSingleResult())
                .longValue());
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String text = "retry-" + key;
        Response first = post(key, text);
        first.then().statusCode(201).header("ETag", org.hamcrest.Matchers.matchesPattern("\"\\d+\""));
        Response retry = post(key, text);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .header("ETag", first.header("ETag"))
                .body("id", equalTo(first.path("id")));
        assertThat(notesWithText(text)).isEqualTo(1);
    }

    @Test
    void aTypedResourceMethodReplaysTheFirstResponseToo() {
        String key = UUID.randomUUID().toString();
        String text = "typed-" + key;
        Response first = post("/notes/typed", key, text);
        first.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/notes/" + first.path("id")))
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"\\d+\""));
        Response retry = post("/notes/typed", key, text);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .header("ETag", first.header("ETag"))
                .body("id", equalTo(first.path("id"))).body("text", equalTo(text));
        post("/notes/typed", key, "other-" + key).then().statusCode(422);
        assertThat(notesWithText(text)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        post(key, "original-" + key).then().statusCode(201);
        post(key, "other-" + key).then().statusCode(422)
                .body("type", equalTo("urn:socialwork:problem:idempotency-key-reused"));
        assertThat(notesWithText("other-" + key)).isZero();
    }

    @Test
    void aKeyIsScopedToItsCaller() {
        String key = UUID.randomUUID().toString();
        post(key, "mine-" + key).then().statusCode(201);
        given().header("Authorization", Tokens.withRoles("someone-else", "platform-admin")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"text\":\"theirs-" + key + "\",\"region\":\"4301\"}")
                .when().post("/notes").then().statusCode(201);
        assertThat(notesWithText("theirs-" + key)).isEqualTo(1);
    }

    @Test
    void aDuplicateWhileTheFirstIsRunningIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        gate.close();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> post(key, "slow"));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("select count(*) from idempotency_key where idem_key = ?1 and state = 'IN_PROGRESS'")
                    .setParameter(1, key).getSingleResult()).longValue() == 1));
            post(key, "slow").then().statusCode(409)
                    .body("type", equalTo("urn:socialwork:problem:idempotency-in-progress"));
        } finally {
            gate.open();
        }
        first.get().then().statusCode(201);
        post(key, "slow").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.get().path("id")));
    }

    @Test
    void aFailedRequestDoesNotBurnItsKey() {
        String key = UUID.randomUUID().toString();
        given().header("Authorization", Tokens.bureauAdmin("11")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"text\":\"outside\",\"region\":\"4301\"}")
                .when().post("/notes").then().statusCode(403);
        given().header("Authorization", Tokens.bureauAdmin("11")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"text\":\"outside\",\"region\":\"4301\"}")
                .when().post("/notes").then().statusCode(403);
    }
}
