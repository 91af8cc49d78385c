package org.socialwork.projects.replica;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.socialwork.projects.common.SqlArrays;

/** Reads of the local replicas, for the rules of the other features. */
@ApplicationScoped
public class Replicas {

    /** A station as replicated from stations-service. */
    public record Station(UUID id, String name, String regionCode, String status, UUID agencyId) {
    }

    /** A worker as replicated from personnel-service. */
    public record Worker(UUID id, UUID employerAgencyId, String category, String qualificationLevel, boolean registered,
            String status, boolean dishonestyListed) {

        /** Full-time for the staffing requirement: station full-time staff and project workers. */
        public boolean fullTime() {
            return "STATION_FULL_TIME".equals(category) || "PROJECT_WORKER".equals(category);
        }

        /** Holds a national social-work qualification (assistant, intermediate or senior). */
        public boolean certified() {
            return qualificationLevel != null && !"NONE".equals(qualificationLevel);
        }
    }

    @Inject
    EntityManager em;

    public Optional<Station> station(UUID id) {
        return stations(List.of(id)).values().stream().findFirst();
    }

    public Map<UUID, Station> stations(Collection<UUID> ids) {
        Map<UUID, Station> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select id, name, region_code, status, agency_id from station_replica where id = any(cast(?1 as uuid[]))")
                .setParameter(1, SqlArrays.uuids(ids)).getResultList();
        for (Object[] r : rows) {
            found.put((UUID) r[0], new Station((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (UUID) r[4]));
        }
        return found;
    }

    public Map<UUID, Worker> workers(Collection<UUID> ids) {
        Map<UUID, Worker> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, employer_agency_id, category, qualification_level, registered, status, dishonesty_listed
                from worker_replica where id = any(cast(?1 as uuid[]))""")
                .setParameter(1, SqlArrays.uuids(ids)).getResultList();
        for (Object[] r : rows) {
            found.put((UUID) r[0], new Worker((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (Boolean) r[4],
                    (String) r[5], (Boolean) r[6]));
        }
        return found;
    }

    public Optional<Worker> worker(UUID id) {
        return workers(List.of(id)).values().stream().findFirst();
    }

    public boolean agencyExists(UUID id) {
        return !em.createNativeQuery("select 1 from agency_replica where id = ?1").setParameter(1, id).getResultList()
                .isEmpty();
    }

    public Optional<String> agencyName(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from agency_replica where id = ?1").setParameter(1, id)
                .getResultList();
        return names.stream().findFirst();
    }

    /** The level of a current division, if it is known here. */
    public Optional<String> regionLevel(String code) {
        @SuppressWarnings("unchecked")
        List<String> levels = em.createNativeQuery("select level from region_replica where code = ?1 and not retired")
                .setParameter(1, code).getResultList();
        return levels.stream().findFirst();
    }

    /** The stations a worker holds an active assignment at. */
    public List<UUID> activeStationsOf(UUID workerId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(
                "select distinct station_id from assignment_replica where worker_id = ?1 and status = 'ACTIVE'")
                .setParameter(1, workerId).getResultList();
        return ids;
    }
}
