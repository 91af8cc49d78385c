package org.socialwork.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the event consumers ({@link EventConsumers}) and of their readiness check. */
@ConfigMapping(prefix = "socialwork.consumers")
public interface ConsumersConfig {

    /** Whether this instance runs a Kafka consumer per {@link EventHandler} bean (off in tools and some tests). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Events a consumer group may have left to apply (summed over its partitions) before the
     * instance reports itself not ready: past it, its read models are too far behind to be served.
     */
    @WithDefault("10000")
    long maxReadyLag();

    /**
     * Longest a consumer may take to apply one poll before its group gives the partitions to another
     * member (Kafka's {@code max.poll.interval.ms}). A slower poll, or an event retried that long, is
     * no failure: the consumer rejoins, and what it applied but could not commit is read again.
     */
    @WithDefault("PT5M")
    Duration maxPollInterval();

    /**
     * Most events of one partition a handler that applies in batches ({@link EventHandler#appliesInBatches()})
     * gets in one transaction. Larger batches commit less often; a batch that fails for good is applied
     * again event by event, so this also bounds that replay.
     */
    @WithDefault("500")
    int maxBatch();

    /** Wait before the first restart of a consumer that failed; doubles per consecutive failure. */
    @WithDefault("PT1S")
    Duration restartBackoff();

    /** Upper bound of the restart wait; a poll that was applied and committed resets the wait. */
    @WithDefault("PT30S")
    Duration maxRestartBackoff();

    /**
     * Longest wait for the broker to acknowledge an event sent to the dead-letter topic; past it the
     * consumer restarts without committing that event, so the event is read (and dead-lettered) again.
     */
    @WithDefault("PT30S")
    Duration dlqSendTimeout();
}
