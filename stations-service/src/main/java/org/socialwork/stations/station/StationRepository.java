package org.socialwork.stations.station;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StationRepository implements PanacheRepositoryBase<Station, UUID> {

    /** Whether an open station of {@code level} already serves {@code regionCode}. */
    public boolean openStationIn(StationLevel level, String regionCode) {
        return count("level = ?1 and regionCode = ?2 and status <> ?3", level, regionCode, StationStatus.CLOSED) > 0;
    }

    /** The ids of the open stations of {@code level} in {@code regionCode}. */
    public List<UUID> openStationIds(StationLevel level, String regionCode) {
        return getEntityManager().createQuery("select s.id from Station s where s.level = ?1 and s.regionCode = ?2"
                + " and s.status <> ?3", UUID.class).setParameter(1, level).setParameter(2, regionCode)
                .setParameter(3, StationStatus.CLOSED).getResultList();
    }

    /** The ids of the open children of {@code parentId}. */
    public List<UUID> openChildIds(UUID parentId) {
        return getEntityManager().createQuery("select s.id from Station s where s.parentId = ?1 and s.status <> ?2", UUID.class)
                .setParameter(1, parentId).setParameter(2, StationStatus.CLOSED).getResultList();
    }

    public long openChildren(UUID parentId) {
        return count("parentId = ?1 and status <> ?2", parentId, StationStatus.CLOSED);
    }
}
