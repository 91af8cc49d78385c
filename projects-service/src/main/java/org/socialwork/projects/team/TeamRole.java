package org.socialwork.projects.team;

/** The role of a worker in a project team. */
public enum TeamRole {
    PROJECT_LEAD, SOCIAL_WORKER, ASSISTANT, SUPERVISOR
}
