package org.socialwork.platform.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures in the style of the Standard Webhooks specification: the receiver recomputes
 * {@code base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))} with the key of its
 * {@code whsec_} secret and compares it with the {@code webhook-signature} header ({@code v1,<sig>});
 * the timestamp lets it refuse replays of old deliveries.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    static final String SECRET_PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value of one delivery. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(secret, id + "." + timestampSeconds + "." + body));
    }

    /** Whether {@code header} holds a valid signature of the delivery (what a receiver checks). */
    public static boolean verify(String secret, String id, long timestampSeconds, String body, String header) {
        byte[] expected = mac(secret, id + "." + timestampSeconds + "." + body);
        for (String candidate : header.split(" ")) {
            if (candidate.startsWith("v1,")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(candidate.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] mac(String secret, String content) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
