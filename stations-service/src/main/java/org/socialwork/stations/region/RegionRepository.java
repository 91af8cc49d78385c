package org.socialwork.stations.region;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    /** The division with this code if it exists on {@code asOf}. */
    public Optional<Region> findValid(String code, LocalDate asOf) {
        return findByIdOptional(code).filter(region -> region.validOn(asOf));
    }
}
