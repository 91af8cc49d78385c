package org.socialwork.personnel.worker;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<Certificate, UUID> {

    public List<Certificate> ofWorker(UUID workerId) {
        return list("workerId = ?1 order by issuedOn, number", workerId);
    }
}
