package org.socialwork.stations.station;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StationTransitionRepository implements PanacheRepositoryBase<StationTransition, UUID> {

    public List<StationTransition> history(UUID stationId) {
        return list("stationId = ?1 order by changedAt, id", stationId);
    }
}
