package org.socialwork.personnel.dishonesty;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DishonestyListingRepository implements PanacheRepositoryBase<DishonestyListing, UUID> {

    public List<DishonestyListing> ofWorker(UUID workerId) {
        return list("workerId = ?1 order by listedOn", workerId);
    }
}
