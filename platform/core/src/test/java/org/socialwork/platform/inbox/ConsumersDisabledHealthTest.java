package org.socialwork.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An instance that runs no consumers (a tool, a read-only replica) is not held unready by them. */
@QuarkusTest
@TestProfile(ConsumersDisabledHealthTest.NoConsumers.class)
class ConsumersDisabledHealthTest {

    public static class NoConsumers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("socialwork.consumers.enabled", "false");
        }
    }

    @Test
    void theConsumerCheckIsUpAndSaysConsumersAreOff() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event-consumers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event-consumers' }.data.enabled", equalTo(false));
    }
}
