package org.socialwork.projects.webhook;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.socialwork.platform.webhook.WebhookAudience;
import org.socialwork.projects.client.ClientChangedEvent;
import org.socialwork.projects.evaluation.EvaluationChangedEvent;
import org.socialwork.projects.project.ProjectChangedEvent;
import org.socialwork.projects.record.ServiceRecordEvent;
import org.socialwork.projects.replica.Replicas;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whose projects-service events these are: a project's and its evaluations' go to the contracted
 * agency; a service record's and a client's to the agency that runs the station they belong to (as
 * the station replica has it when the event is published).
 */
@ApplicationScoped
public class ProjectsWebhookAudience implements WebhookAudience {

    @Inject
    Replicas replicas;

    @Override
    public Set<UUID> agencies(String eventType, JsonNode data) {
        return switch (eventType) {
            case ProjectChangedEvent.TYPE, EvaluationChangedEvent.TYPE -> WebhookAudience.idIn(data, "contractorAgencyId");
            case ServiceRecordEvent.RECORDED, ServiceRecordEvent.CORRECTED, ClientChangedEvent.TYPE -> stationAgency(data);
            default -> Set.of();
        };
    }

    private Set<UUID> stationAgency(JsonNode data) {
        return WebhookAudience.idIn(data, "stationId").stream().findFirst().flatMap(replicas::station)
                .map(Replicas.Station::agencyId).map(Set::of).orElse(Set.of());
    }
}
