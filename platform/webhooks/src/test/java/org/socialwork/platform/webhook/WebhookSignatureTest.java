package org.socialwork.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theSignatureIsTheStandardWebhooksHmacOfIdTimestampAndBody() throws Exception {
        String secret = WebhookSignature.newSecret();
        String body = "{\"specversion\":\"1.0\",\"id\":\"e1\"}";
        String header = WebhookSignature.sign(secret, "e1", 1_765_000_000L, body);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = Base64.getEncoder()
                .encodeToString(mac.doFinal(("e1.1765000000." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(header).isEqualTo("v1," + expected);
        assertThat(WebhookSignature.verify(secret, "e1", 1_765_000_000L, body, header)).isTrue();
    }

    @Test
    void anyChangeOfBodyTimestampIdOrSecretBreaksTheSignature() {
        String secret = WebhookSignature.newSecret();
        String header = WebhookSignature.sign(secret, "e1", 100L, "{}");
        assertThat(WebhookSignature.verify(secret, "e1", 100L, "{ }", header)).isFalse();
        assertThat(WebhookSignature.verify(secret, "e1", 101L, "{}", header)).isFalse();
        assertThat(WebhookSignature.verify(secret, "e2", 100L, "{}", header)).isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), "e1", 100L, "{}", header)).isFalse();
        assertThat(WebhookSignature.verify(secret, "e1", 100L, "{}", "v1,not-base64!")).isFalse();
    }

    @Test
    void secretsAreFreshAndCarryThePrefix() {
        String first = WebhookSignature.newSecret();
        assertThat(first).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(first.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(first);
    }
}
