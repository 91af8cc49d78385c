package org.socialwork.projects.team;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kept change of a project team (joined or left): churn is counted from these. */
@Entity
@Table(name = "project_team_change")
public class TeamChange {

    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "worker_id")
    public UUID workerId;

    public String change;

    public String role;

    public String reason;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "changed_by")
    public String changedBy;
}
