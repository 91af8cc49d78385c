package org.socialwork.reporting.support;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.socialwork.platform.outbox.OutboxConfig;
import org.socialwork.platform.outbox.TopicProvisioner;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates this service's snapshot topics at startup, log-compacted, instead of at the first
 * publish: otherwise a consumer subscribing earlier (projects-service waiting for locked periods)
 * lets the broker auto-create them with the delete policy. A broker that is down is not fatal:
 * the outbox relay ensures the topics again before it publishes.
 */
@ApplicationScoped
public class PublishedTopics {

    @Inject
    TopicProvisioner provisioner;

    @Inject
    OutboxConfig config;

    void ensure(@Observes StartupEvent event) {
        Set<String> topics = new HashSet<>(config.compactedTopics().orElse(java.util.List.of()));
        if (!topics.isEmpty()) {
            provisioner.ensure(topics);
        }
    }
}
