package org.socialwork.platform.webhook;

import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The service's answer to "whose event is this?": the agencies an event concerns (the agency that
 * runs a station, employs a worker, holds a project's contract). Only their subscriptions receive
 * it. A service that offers webhooks implements this once, beside its domain; an event no
 * implementation claims reaches nobody.
 */
public interface WebhookAudience {

    /**
     * @param eventType the CloudEvent type, e.g. {@code org.socialwork.station.changed.v1}
     * @param data      the event's data, as published
     * @return the agencies whose subscriptions may receive the event; empty for none
     */
    Set<UUID> agencies(String eventType, JsonNode data);

    /** The id in the text field {@code field} of {@code data} (an agency's, a station's); none when absent or no UUID. */
    static Set<UUID> idIn(JsonNode data, String field) {
        JsonNode value = data.path(field);
        if (!value.isTextual()) {
            return Set.of();
        }
        try {
            return Set.of(UUID.fromString(value.asText()));
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
    }
}
