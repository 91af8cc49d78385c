package org.socialwork.projects.project;

import java.time.LocalDate;
import java.util.UUID;

/** A current member of a project team. */
public record TeamMember(UUID workerId, String role, LocalDate since) {
}
