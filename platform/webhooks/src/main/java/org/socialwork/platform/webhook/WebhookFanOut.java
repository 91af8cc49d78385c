package org.socialwork.platform.webhook;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.socialwork.platform.outbox.OutboxRecord;
import org.socialwork.platform.outbox.PublishedEvents;
import org.socialwork.platform.time.BusinessClock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hands every published event to the subscriptions that want its type and belong to an agency of
 * its audience, as one delivery each, in the relay's transaction: an event is queued for a
 * subscription exactly once whatever the relay retries (the delivery is unique per event).
 */
@ApplicationScoped
public class WebhookFanOut implements PublishedEvents {

    private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);

    /** Field names of personal data: events never carry them, and a delivery that would is refused. */
    static final Set<String> PERSONAL_FIELDS = Set.of("idNumber", "phone", "phoneNumber", "mobile", "residentId");

    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    Instance<WebhookAudience> audiences;

    @Inject
    ObjectMapper mapper;

    @Inject
    BusinessClock clock;

    @Override
    public void published(List<OutboxRecord> records) {
        List<WebhookSubscription> all = subscriptions.listAll();
        if (all.isEmpty()) {
            return;
        }
        OffsetDateTime now = clock.now();
        for (OutboxRecord record : records) {
            List<WebhookSubscription> wanting = all.stream().filter(s -> s.wants(record.type)).toList();
            if (wanting.isEmpty()) {
                continue;
            }
            JsonNode data;
            try {
                data = mapper.readTree(record.payload);
            } catch (JsonProcessingException e) {
                LOG.errorf("webhooks: event %s (%s) has no JSON data; not delivered", record.id, record.type);
                continue;
            }
            String personal = personalField(data);
            if (personal != null) {
                LOG.errorf("webhooks: event %s (%s) carries a personal-data field (%s); not delivered", record.id,
                        record.type, personal);
                continue;
            }
            Set<UUID> audience = audience(record.type, data);
            String body = null;
            for (WebhookSubscription subscription : wanting) {
                if (audience.contains(subscription.agencyId)) {
                    body = body == null ? structured(record, data) : body;
                    deliveries.enqueue(subscription.id, record.id, record.type, body, now);
                }
            }
        }
    }

    private Set<UUID> audience(String type, JsonNode data) {
        Set<UUID> agencies = new HashSet<>();
        audiences.forEach(a -> agencies.addAll(a.agencies(type, data)));
        return agencies;
    }

    /** The CloudEvent in structured JSON mode (CloudEvents 1.0 JSON format). */
    String structured(OutboxRecord record, JsonNode data) {
        ObjectNode event = mapper.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", record.id.toString());
        event.put("source", record.source);
        event.put("type", record.type);
        event.put("subject", record.key);
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(record.occurredAt.toInstant()));
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CloudEvent of JSON nodes always serialises", e);
        }
    }

    /** The first personal-data field name anywhere in {@code node}, or null. */
    static String personalField(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (PERSONAL_FIELDS.contains(name)) {
                    return name;
                }
                String nested = personalField(node.get(name));
                if (nested != null) {
                    return nested;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                String nested = personalField(element);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
