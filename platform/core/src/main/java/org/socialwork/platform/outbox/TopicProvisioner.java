package org.socialwork.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics a service publishes before the relay first publishes to them, so that entity
 * topics are log-compacted (a consumer rebuilding a read model reads the latest snapshot of every
 * aggregate, not every change since the beginning) instead of being auto-created with the
 * broker's delete policy. Existing topics are left as they are: in production a topic operator
 * (e.g. Strimzi KafkaTopic resources) may own them.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @Inject
    OutboxConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Set<String> ensured = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** True once every topic in {@code topics} exists; false when the broker could not be asked. */
    public boolean ensure(Set<String> topics) {
        Set<String> missing = new HashSet<>(topics);
        missing.removeAll(ensured);
        if (missing.isEmpty()) {
            return true;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            List<NewTopic> create = new ArrayList<>();
            for (String topic : missing) {
                if (!existing.contains(topic)) {
                    create.add(newTopic(topic));
                }
            }
            if (!create.isEmpty()) {
                try {
                    admin.createTopics(create).all().get(10, TimeUnit.SECONDS);
                    LOG.infof("created topics %s", create.stream().map(NewTopic::name).toList());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
            ensured.addAll(missing);
            return true;
        } catch (Exception e) {
            LOG.debugf("topics %s not ensured yet: %s", missing, e.getMessage());
            return false;
        }
    }

    private NewTopic newTopic(String name) {
        NewTopic topic = new NewTopic(name, config.topicPartitions(), (short) config.topicReplicationFactor());
        if (config.compactedTopics().map(list -> list.contains(name)).orElse(false)) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis())));
        }
        return topic;
    }
}
