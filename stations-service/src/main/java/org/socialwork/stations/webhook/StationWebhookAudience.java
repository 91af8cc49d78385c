package org.socialwork.stations.webhook;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.socialwork.platform.webhook.WebhookAudience;
import org.socialwork.stations.agency.AgencyChangedEvent;
import org.socialwork.stations.station.StationChangedEvent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whose stations-service events these are: a station's go to the agency that runs it, an agency's
 * to the agency itself. Regions are national reference data, no agency's: they are not offered.
 */
@ApplicationScoped
public class StationWebhookAudience implements WebhookAudience {

    @Override
    public Set<UUID> agencies(String eventType, JsonNode data) {
        String field = switch (eventType) {
            case StationChangedEvent.TYPE -> "agencyId";
            case AgencyChangedEvent.TYPE -> "id";
            default -> null;
        };
        return field == null ? Set.of() : WebhookAudience.idIn(data, field);
    }
}
