package org.socialwork.personnel.worker;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WorkerRepository implements PanacheRepositoryBase<Worker, UUID> {

    public Optional<Worker> byIdNumberIndex(String index) {
        return find("idNumberIndex", index).firstResultOptional();
    }

    public Optional<Worker> byExternalId(UUID agencyId, String externalId) {
        return find("employerAgencyId = ?1 and externalId = ?2", agencyId, externalId).firstResultOptional();
    }
}
