package org.socialwork.projects.team;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TeamChangeRepository implements PanacheRepositoryBase<TeamChange, UUID> {

    public List<TeamChange> ofProject(UUID projectId) {
        return list("projectId", Sort.by("changedAt").and("id"), projectId);
    }
}
