package org.socialwork.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transactional outbox and its relay. */
@ConfigMapping(prefix = "socialwork.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay that publishes outbox rows (every replica may: rows are locked with SKIP LOCKED). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for due rows (a Quarkus scheduler interval such as {@code 200ms} or {@code 1s}). */
    @WithDefault("200ms")
    String pollInterval();

    /** How often the pending-row count and oldest-row age metrics are refreshed. */
    @WithDefault("5s")
    String metricsInterval();

    /** Rows taken per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** Longest time one relay run keeps draining full batches before it yields. */
    @WithDefault("PT5S")
    Duration drainBudget();

    /** Wait before the first retry of a row that could not be published; doubles per attempt. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    /** Upper bound of the retry wait. */
    @WithDefault("PT30S")
    Duration maxBackoff();

    /** How long published rows are kept for inspection before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * Entity topics this service publishes snapshots to: created log-compacted (keyed by aggregate
     * id, the newest snapshot per aggregate survives), e.g. {@code stations.station.v1}. Other
     * topics the service publishes to are created with the delete policy.
     */
    Optional<List<String>> compactedTopics();

    /**
     * Topics of facts this service publishes (delete policy, e.g. {@code projects.service-record.v1}),
     * created at start like the compacted ones, so that a consumer never waits on a topic that appears
     * only with the first fact.
     */
    Optional<List<String>> factTopics();

    /** Partitions of topics this service creates; the record key (aggregate id) picks the partition. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of topics this service creates (1 for the single local broker, 3 in production). */
    @WithDefault("1")
    int topicReplicationFactor();

    /** How long a send may wait for the broker (metadata, acknowledgement) before the row is retried later. */
    @WithDefault("PT10S")
    Duration sendTimeout();
}
