package org.socialwork.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP calls the way a phone makes them: on a timeout, a connection error or a 5xx the same request
 * (same Idempotency-Key, same body) is sent again after a backoff, to the other instance, until it
 * is answered or the give-up time passes.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    final AtomicLong retries = new AtomicLong();
    volatile long giveUpAtNanos = Long.MAX_VALUE;

    record Answer(int status, String etag, JsonNode body, String instance, int attempts, String raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** One attempt, no retry. Status 0 means a transport failure. */
    Answer once(String base, String method, String path, String token, Object body, String idempotencyKey,
            String ifMatch, Duration timeout) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Accept-Language", "en");
            if (idempotencyKey != null) {
                b.header("Idempotency-Key", idempotencyKey);
            }
            if (ifMatch != null) {
                b.header("If-Match", ifMatch);
            }
            if (body != null) {
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
            } else {
                b.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String raw = r.body();
            if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
                try {
                    json = JSON.readTree(raw);
                } catch (IOException e) {
                    json = null;
                }
            }
            return new Answer(r.statusCode(), r.headers().firstValue("ETag").orElse(null), json, base, 1, raw);
        } catch (IOException e) {
            return new Answer(0, null, null, base, 1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, base, 1, "interrupted");
        }
    }

    /**
     * Sends until an answer that {@code retryable} does not reject, alternating over {@code bases};
     * the returned answer carries the attempt count, or status 0 when the give-up time passed.
     */
    Answer call(List<String> bases, int start, String method, String path, String token, Object body, String key,
            String ifMatch, Predicate<Answer> retryable) {
        long backoff = 200;
        int attempt = 0;
        Answer last;
        while (true) {
            String base = bases.get(Math.floorMod(start + attempt, bases.size()));
            attempt++;
            last = once(base, method, path, token, body, key, ifMatch, Duration.ofSeconds(10));
            if (!retryable.test(last)) {
                return new Answer(last.status, last.etag, last.body, base, attempt, last.raw);
            }
            retries.incrementAndGet();
            if (System.nanoTime() > giveUpAtNanos || Thread.currentThread().isInterrupted()) {
                return new Answer(0, null, null, base, attempt, "gave up after " + attempt + " attempts: " + last.raw);
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 5000);
        }
    }

    /** The phone's rule: a transport failure, a 5xx, or 409 "still running" under the same key. */
    static boolean transientFailure(Answer a) {
        if (a.status == 0 || a.status >= 500 || a.status == 429) {
            return true;
        }
        return a.status == 409 && a.raw != null && a.raw.contains("idempotency");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
