package org.socialwork.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialwork.platform.Tokens;
import org.socialwork.platform.testapp.HoldResource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Overload shedding: with room for three requests, three held on a latch fill the service; the
 * fourth is refused at once with 503, Retry-After and a problem document, health and metrics are
 * still answered, the held ones complete, and the permits come back, also from requests that failed.
 */
@QuarkusTest
@TestProfile(AdmissionLimitTest.ThreeAtATime.class)
class AdmissionLimitTest {

    public static class ThreeAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("socialwork.http.admission.max-concurrent-requests", "3");
        }
    }

    private static final int LIMIT = 3;

    @Inject
    AdmissionLimit admission;

    @Inject
    HoldResource.Gate gate;

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/hold")
    URL hold;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void letGo() {
        gate.open();
    }

    private List<CompletableFuture<HttpResponse<String>>> fill(String path) {
        gate.close();
        List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, LIMIT)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(hold + path))
                        .timeout(Duration.ofSeconds(40)).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        await().atMost(Duration.ofSeconds(15)).until(() -> admission.available() == 0);
        return held;
    }

    private double shed() {
        return registry.get("socialwork.http.requests.shed").counter().count();
    }

    @Test
    void theExcessIsRefusedAtOnceWhileAdmittedRequestsComplete() {
        assertThat(admission.limit()).isEqualTo(LIMIT);
        List<CompletableFuture<HttpResponse<String>>> held = fill("");
        double shedBefore = shed();

        long start = System.nanoTime();
        Response refused = given().header("Authorization", Tokens.platformAdmin()).header("Accept-Language", "en")
                .when().get("/notes/00000000-0000-0000-0000-000000000001");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        refused.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:socialwork:problem:unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("retry in 1 s"))
                .body("instance", equalTo("/notes/00000000-0000-0000-0000-000000000001"));
        assertThat(took).as("refused at once, not after the held requests").isLessThan(Duration.ofSeconds(3));
        given().header("Accept-Language", "zh-CN").when().get("/hold").then().statusCode(503)
                .body("title", equalTo("服务暂不可用"));
        assertThat(shed()).isEqualTo(shedBefore + 2);

        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("socialwork_http_requests_shed_total"))
                .body(containsString("socialwork_http_requests_admitted"));
        assertThat(held).allSatisfy(f -> assertThat(f).isNotDone());

        gate.open();
        held.forEach(f -> {
            HttpResponse<String> done = f.join();
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).isEqualTo("released");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.available() == LIMIT);
        given().header("Authorization", Tokens.platformAdmin())
                .when().get("/notes/00000000-0000-0000-0000-000000000001").then().statusCode(404);
    }

    @Test
    void permitsComeBackAfterFailedRequests() {
        List<CompletableFuture<HttpResponse<String>>> held = fill("/fail");
        given().when().get("/hold").then().statusCode(503);
        gate.open();
        held.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(500));
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.available() == LIMIT);

        List<CompletableFuture<HttpResponse<String>>> again = fill("");
        gate.open();
        again.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.available() == LIMIT);
    }

    @Test
    void permitsComeBackWhenTheClientGoesAway() throws Exception {
        gate.close();
        List<java.net.Socket> clients = new java.util.ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            java.net.Socket socket = new java.net.Socket(hold.getHost(), hold.getPort());
            socket.getOutputStream().write(("GET /hold HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            clients.add(socket);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> admission.available() == 0);
        for (java.net.Socket socket : clients) {
            socket.close();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> admission.available() == LIMIT);
        gate.open();
    }
}
