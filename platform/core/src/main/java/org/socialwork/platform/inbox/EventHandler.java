package org.socialwork.platform.inbox;

import java.util.List;

import org.socialwork.platform.events.CloudEvent;

/**
 * A consumer of one or more topics. Implement it as a CDI bean and {@link EventConsumers} runs a
 * Kafka consumer for it. {@link #handle} runs inside a transaction; use {@link Inbox} there so the
 * effect and the processed event id commit together. Throw to send the event to the topic's
 * dead-letter topic ({@code <topic>.dlq}); consumption goes on with the next event.
 */
public interface EventHandler {

    /** Stable name; with the application name it forms the consumer group id. */
    String name();

    List<String> topics();

    void handle(String topic, CloudEvent event);
}
