package org.socialwork.platform.outbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** One event of {@link #appendAll}: the aggregate id and a record that serialises to the event's JSON data. */
    public record Pending(String key, Object payload) {
    }

    /**
     * Appends many events of one topic and type with one statement, inside the caller's transaction,
     * in the order given: the relay publishes by the outbox sequence, so one aggregate's events keep
     * their order. For batches whose rows are themselves written set-based.
     *
     * @return the event ids, in the order given
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(String topic, String type, List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(events.size());
        ArrayNode rows = mapper.createArrayNode();
        for (Pending event : events) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            ObjectNode row = rows.addObject();
            row.put("id", id.toString());
            row.put("key", event.key());
            row.set("payload", mapper.valueToTree(event.payload()));
        }
        String json;
        try {
            json = mapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payloads of " + type + " cannot be serialised", e);
        }
        OffsetDateTime now = clock.now();
        repository.getEntityManager().createNativeQuery("""
                insert into outbox_event (id, topic, event_key, event_type, source, occurred_at, payload, next_attempt_at,
                    traceparent)
                select e.id, :topic, e.key, :type, :source, :now, e.payload, :now, cast(:traceparent as text)
                from rows from (jsonb_to_recordset(cast(:rows as jsonb)) as (id uuid, key text, payload jsonb))
                    with ordinality as e(id, key, payload, ord)
                order by e.ord""")
                .setParameter("topic", topic)
                .setParameter("type", type)
                .setParameter("source", source())
                .setParameter("now", now)
                .setParameter("traceparent", tracing.currentTraceparent())
                .setParameter("rows", json)
                .executeUpdate();
        return ids;
    }

    /** The CloudEvents {@code source} of this service's events. */
    public String source() {
        return "urn:socialwork:service:" + applicationName;
    }
}
