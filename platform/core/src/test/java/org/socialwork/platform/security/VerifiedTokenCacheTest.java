package org.socialwork.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.infra.jwt.DevTokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The verified-token cache in front of smallrye-jwt: a token is verified once and then served from
 * the cache, but never past its exp, never for a token that differs in any byte, and never beyond
 * the configured number of tokens (the test profile keeps {@code socialwork.token-cache.maximum-size}
 * small).
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    MeterRegistry registry;

    @Inject
    VerifiedTokenCache cache;

    @Inject
    TokenCacheConfig config;

    private double verifications() {
        return registry.get("socialwork.token.verifications").counter().count();
    }

    private static String bureau(String subject, String region, Duration lifetime) {
        return DevTokens.mint(new DevTokens.Caller(subject, Set.of("bureau-viewer"), region, null, null), lifetime);
    }

    private static io.restassured.response.ValidatableResponse whoami(String token) {
        return given().header("Authorization", "Bearer " + token).when().get("/whoami").then();
    }

    @Test
    void aSecondRequestWithTheSameTokenIsNotVerifiedAgain() {
        String token = bureau("cache-same", "3304", Duration.ofHours(1));
        double before = verifications();
        whoami(token).statusCode(200).body("subject", equalTo("cache-same"));
        assertThat(verifications()).isEqualTo(before + 1);
        whoami(token).statusCode(200).body("subject", equalTo("cache-same"));
        whoami(token).statusCode(200).body("subject", equalTo("cache-same"));
        assertThat(verifications()).isEqualTo(before + 1);
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughItWasCached() {
        whoami(bureau("cache-warm-up", "3304", Duration.ofHours(1))).statusCode(200);
        String token = bureau("cache-expiring", "3304", Duration.ofSeconds(4));
        whoami(token).statusCode(200);
        double cached = verifications();
        whoami(token).statusCode(200);
        assertThat(verifications()).as("served from the cache while valid").isEqualTo(cached);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> whoami(token).statusCode(401));
        assertThat(verifications()).as("past exp the verifier decides again").isGreaterThan(cached);
        whoami(token).statusCode(401);
    }

    @Test
    void aTamperedTokenIsRefusedAndNeverTakenForTheCachedOne() {
        String token = bureau("cache-tamper", "3304", Duration.ofHours(1));
        whoami(token).statusCode(200);
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"3304\"", "\"11\"");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        double before = verifications();
        whoami(forged).statusCode(401);
        whoami(forged).statusCode(401);
        whoami(badSignature).statusCode(401);
        assertThat(verifications()).as("a refused token is verified each time, never cached").isEqualTo(before + 3);
        whoami(token).statusCode(200).body("region", equalTo("3304"));
    }

    @Test
    void differentTokensAreNotConfused() {
        String zhejiang = bureau("cache-a", "33", Duration.ofHours(1));
        String beijing = bureau("cache-b", "11", Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            whoami(zhejiang).statusCode(200).body("subject", equalTo("cache-a")).body("region", equalTo("33"));
            whoami(beijing).statusCode(200).body("subject", equalTo("cache-b")).body("region", equalTo("11"));
        }
    }

    @Test
    void theCacheIsBounded() {
        long bound = config.maximumSize();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < bound * 4; i++) {
            tokens.add(bureau("cache-bound-" + i, "3304", Duration.ofHours(1)));
        }
        double before = verifications();
        tokens.forEach(t -> whoami(t).statusCode(200));
        assertThat(verifications()).isEqualTo(before + tokens.size());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cache.size()).isLessThanOrEqualTo(bound));
    }
}
