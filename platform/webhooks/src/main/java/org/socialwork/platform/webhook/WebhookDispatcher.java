package org.socialwork.platform.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.socialwork.platform.personaldata.PersonalDataCipher;
import org.socialwork.platform.time.BusinessClock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due deliveries: claims a batch in one short transaction, posts them concurrently outside any
 * transaction, and records the outcomes in another. A 2xx acknowledges a delivery; anything else
 * (an error status, a time-out, a refused connection, a private address) is retried with exponential
 * backoff until the retry window ends, when the delivery is FAILED and its subscription FAILING.
 *
 * <p>The JDK's {@link HttpClient} rather than a REST client: every subscription names its own URL,
 * the body is sent as the exact signed bytes, and redirects must never be followed.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final String SECRET_COLUMN = "webhook_subscription.secret";

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    BusinessClock clock;

    private volatile HttpClient http;

    private record Outcome(WebhookDeliveryRepository.Claim claim, Integer status, String error) {

        boolean acknowledged() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Scheduled(every = "${socialwork.webhooks.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DispatcherDisabled.class)
    void dispatch() {
        OffsetDateTime now = clock.now();
        List<WebhookDeliveryRepository.Claim> claims = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.claimDue(now, now.plus(config.claimLease()), config.batchSize()));
        if (claims.isEmpty()) {
            return;
        }
        List<CompletableFuture<Outcome>> sends = claims.stream().map(this::send).toList();
        List<Outcome> outcomes = sends.stream().map(CompletableFuture::join).toList();
        QuarkusTransaction.requiringNew().run(() -> outcomes.forEach(this::record));
    }

    @Scheduled(every = "1h", skipExecutionIf = DispatcherDisabled.class)
    void purge() {
        purgeSettled();
    }

    /** Deletes settled deliveries past the retention; returns how many. */
    public long purgeSettled() {
        long deleted = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.deleteSettledBefore(clock.now().minus(config.retention())));
        if (deleted > 0) {
            LOG.infof("webhooks: deleted %d settled deliveries older than %s", deleted, config.retention());
        }
        return deleted;
    }

    private CompletableFuture<Outcome> send(WebhookDeliveryRepository.Claim claim) {
        URI url = URI.create(claim.url());
        String refusal = endpoints.refusal(url.getHost());
        if (refusal != null) {
            return CompletableFuture.completedFuture(new Outcome(claim, null, "address not allowed: " + refusal));
        }
        long timestamp = clock.instant().getEpochSecond();
        String id = claim.eventId().toString();
        String secret = cipher.decrypt(SECRET_COLUMN, claim.encryptedSecret());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.requestTimeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "socialwork-webhooks/1")
                .header(WebhookSignature.ID_HEADER, id)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, id, timestamp, claim.body()))
                .POST(HttpRequest.BodyPublishers.ofString(claim.body()))
                .build();
        return http().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Outcome(claim, response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()))
                .exceptionally(e -> new Outcome(claim, null, rootMessage(e)));
    }

    private void record(Outcome outcome) {
        WebhookDeliveryRepository.Claim claim = outcome.claim();
        OffsetDateTime now = clock.now();
        if (outcome.acknowledged()) {
            deliveries.delivered(claim.id(), outcome.status(), now);
            subscriptions.markStatus(claim.subscriptionId(), WebhookStatus.ACTIVE, now);
            return;
        }
        if (!now.isBefore(claim.windowStart().plus(config.retryWindow()))) {
            deliveries.givenUp(claim.id(), outcome.status(), outcome.error());
            subscriptions.markStatus(claim.subscriptionId(), WebhookStatus.FAILING, now);
            LOG.warnf("webhooks: delivery %s of event %s given up after %d attempts (%s); subscription %s is FAILING",
                    claim.id(), claim.eventId(), claim.attempts(), outcome.error(), claim.subscriptionId());
            return;
        }
        deliveries.retryLater(claim.id(), outcome.status(), outcome.error(), now.plus(backoff(claim.attempts())));
    }

    /** The wait after the {@code attempts}-th failed attempt: the initial backoff, doubled per attempt, capped. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts, 1) - 1, 30);
        Duration wait = config.initialBackoff().multipliedBy(factor);
        return wait.compareTo(config.maxBackoff()) > 0 || wait.isNegative() ? config.maxBackoff() : wait;
    }

    private HttpClient http() {
        HttpClient current = http;
        if (current == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(config.requestTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                current = http;
            }
        }
        return current;
    }

    /** What went wrong, as the outermost cause past the future's wrappers says it (ConnectException, HttpTimeoutException ...). */
    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    /** Skips the dispatcher on instances configured not to send. */
    @ApplicationScoped
    public static class DispatcherDisabled implements Scheduled.SkipPredicate {

        @Inject
        WebhookConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.dispatcherEnabled();
        }
    }
}
