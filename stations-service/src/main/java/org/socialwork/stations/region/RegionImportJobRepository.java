package org.socialwork.stations.region;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RegionImportJobRepository implements PanacheRepositoryBase<RegionImportJob, UUID> {
}
