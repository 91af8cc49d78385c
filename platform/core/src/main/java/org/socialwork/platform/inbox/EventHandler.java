package org.socialwork.platform.inbox;

import java.util.List;

import org.socialwork.platform.events.CloudEvent;

/**
 * A consumer of one or more topics. Implement it as a CDI bean and {@link EventConsumers} runs a
 * Kafka consumer for it. {@link #handle} runs inside a transaction; use {@link Inbox} there so the
 * effect and the processed event id commit together. Throw to send the event to the topic's
 * dead-letter topic ({@code <topic>.dlq}); consumption goes on with the next event.
 *
 * <p>A handler that {@link #appliesInBatches() applies in batches} gets up to
 * {@code socialwork.consumers.max-batch} consecutive events of one partition in one transaction,
 * then {@link #beforeCommit()}: one commit, and one set-based write of what the events changed,
 * instead of one per event. Should one of them fail for good, the batch is rolled back and its
 * events are applied one transaction each, so only the bad one is dead-lettered.
 */
public interface EventHandler {

    /** Stable name; with the application name it forms the consumer group id. */
    String name();

    List<String> topics();

    void handle(String topic, CloudEvent event);

    /** Whether consecutive events of a partition may share one transaction (see the class comment). */
    default boolean appliesInBatches() {
        return false;
    }

    /**
     * Runs inside the transaction after its last {@link #handle}, before the commit, whether the
     * transaction holds one event or a batch: the place to write what the events gathered.
     */
    default void beforeCommit() {
    }
}
