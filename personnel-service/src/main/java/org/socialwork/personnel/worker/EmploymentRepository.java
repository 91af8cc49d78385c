package org.socialwork.personnel.worker;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EmploymentRepository implements PanacheRepositoryBase<Employment, UUID> {

    public List<Employment> ofWorker(UUID workerId) {
        return list("workerId = ?1 order by startedOn, createdAt", workerId);
    }

    public Optional<Employment> open(UUID workerId) {
        return find("workerId = ?1 and endedOn is null order by startedOn desc", workerId).firstResultOptional();
    }
}
