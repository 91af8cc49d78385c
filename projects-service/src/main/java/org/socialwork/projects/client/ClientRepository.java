package org.socialwork.projects.client;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, UUID> {

    public Optional<Client> findByIdNumberIndex(String index) {
        return find("idNumberIndex", index).firstResultOptional();
    }
}
