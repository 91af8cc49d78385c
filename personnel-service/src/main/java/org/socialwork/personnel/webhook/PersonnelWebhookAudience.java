package org.socialwork.personnel.webhook;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.socialwork.personnel.assignment.AssignmentView;
import org.socialwork.personnel.worker.WorkerChangedEvent;
import org.socialwork.platform.webhook.WebhookAudience;

import com.fasterxml.jackson.databind.JsonNode;

/** Whose personnel events these are: a worker's and an assignment's go to the employing agency. */
@ApplicationScoped
public class PersonnelWebhookAudience implements WebhookAudience {

    @Override
    public Set<UUID> agencies(String eventType, JsonNode data) {
        if (!WorkerChangedEvent.TYPE.equals(eventType) && !AssignmentView.TYPE.equals(eventType)) {
            return Set.of();
        }
        return WebhookAudience.idIn(data, "employerAgencyId");
    }
}
