package org.socialwork.platform.webhook;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the webhooks a service offers to agencies that run no Kafka consumer. */
@ConfigMapping(prefix = "socialwork.webhooks")
public interface WebhookConfig {

    /**
     * The CloudEvent types of this service an agency may subscribe to, e.g.
     * {@code org.socialwork.station.changed.v1}: only events whose audience names the agency reach it.
     */
    List<String> eventTypes();

    /** Whether plain http:// endpoints are accepted: for a developer's machine and tests only, never in production. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Whether endpoints that resolve to loopback, private, link-local or multicast addresses are accepted
     * (and delivered to). Off in production, so that a subscription cannot make the platform call into
     * its own network.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Whether this instance sends deliveries (every replica may: due rows are claimed with SKIP LOCKED). */
    @WithDefault("true")
    boolean dispatcherEnabled();

    /** How often the dispatcher looks for due deliveries (a Quarkus scheduler interval such as {@code 1s}). */
    @WithDefault("1s")
    String pollInterval();

    /** Deliveries claimed and sent (concurrently) per dispatcher run. */
    @WithDefault("50")
    int batchSize();

    /** Wait before the first retry of a failed delivery; doubles per attempt up to {@link #maxBackoff()}. */
    @WithDefault("PT30S")
    Duration initialBackoff();

    /** Upper bound of the retry wait. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /** How long a delivery is retried before it is given up as FAILED and its subscription marked FAILING. */
    @WithDefault("PT24H")
    Duration retryWindow();

    /** Time allowed for the receiver to connect and answer one delivery. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** How long a claimed delivery stays claimed: an instance that dies mid-send leaves it to another after this. */
    @WithDefault("PT2M")
    Duration claimLease();

    /** How long settled (DELIVERED or FAILED) deliveries stay listed before they are deleted. */
    @WithDefault("P30D")
    Duration retention();

    /** Subscriptions one agency may hold in this service. */
    @WithDefault("20")
    int maxSubscriptionsPerAgency();
}
