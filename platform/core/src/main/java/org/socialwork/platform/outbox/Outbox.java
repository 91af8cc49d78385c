package org.socialwork.platform.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.tracing.EventTracing;

/**
 * Appends events to the outbox inside the caller's transaction, so that an event exists if and
 * only if the state change it describes committed. The relay publishes them later.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxRepository repository;

    @Inject
    ObjectMapper mapper;

    @Inject
    BusinessClock clock;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /**
     * @param topic   e.g. {@code stations.station.v1}
     * @param type    e.g. {@code org.socialwork.station.changed.v1}
     * @param key     the aggregate id: record key and CloudEvents subject
     * @param payload a record that serialises to the event's JSON data
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String type, String key, Object payload) {
        OutboxRecord record = new OutboxRecord();
        record.id = UUID.randomUUID();
        record.topic = topic;
        record.type = type;
        record.key = key;
        record.source = source();
        record.occurredAt = clock.now();
        record.nextAttemptAt = record.occurredAt;
        record.traceparent = tracing.currentTraceparent();
        try {
            record.payload = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload of " + type + " cannot be serialised", e);
        }
        repository.persist(record);
        return record.id;
    }

    /** The CloudEvents {@code source} of this service's events. */
    public String source() {
        return "urn:socialwork:service:" + applicationName;
    }
}
