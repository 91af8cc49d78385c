package org.socialwork.personnel.departure;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DepartureRepository implements PanacheRepositoryBase<Departure, UUID> {

    public Optional<Departure> open(UUID workerId) {
        return find("workerId = ?1 and leftOn is null", workerId).firstResultOptional();
    }
}
