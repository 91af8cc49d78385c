package org.socialwork.stations.station;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StationRepository implements PanacheRepositoryBase<Station, UUID> {

    /** Whether an open station of {@code level} already serves {@code regionCode}. */
    public boolean openStationIn(StationLevel level, String regionCode) {
        return count("level = ?1 and regionCode = ?2 and status <> ?3", level, regionCode, StationStatus.CLOSED) > 0;
    }

    public long openChildren(UUID parentId) {
        return count("parentId = ?1 and status <> ?2", parentId, StationStatus.CLOSED);
    }
}
