package org.socialwork.personnel.assignment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public List<Assignment> activeOf(UUID workerId) {
        return list("workerId = ?1 and status = ?2", workerId, AssignmentStatus.ACTIVE);
    }

    public boolean hasActiveFullTime(UUID workerId) {
        return count("workerId = ?1 and status = ?2 and fullTime = true", workerId, AssignmentStatus.ACTIVE) > 0;
    }
}
