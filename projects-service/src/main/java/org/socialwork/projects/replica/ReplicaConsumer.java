package org.socialwork.projects.replica;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.inbox.EventHandler;
import org.socialwork.platform.inbox.Inbox;
import org.socialwork.projects.common.Json;
import org.socialwork.projects.replica.InboundEvents.AgencyChanged;
import org.socialwork.projects.replica.InboundEvents.AssignmentChanged;
import org.socialwork.projects.replica.InboundEvents.RegionChanged;
import org.socialwork.projects.replica.InboundEvents.StationChanged;
import org.socialwork.projects.replica.InboundEvents.WorkerChanged;

/**
 * Keeps the replicas of regions, stations, agencies, workers and assignments that the rules of
 * this service check locally (writes never call another service). Idempotent through the inbox:
 * a redelivered event or an older snapshot changes nothing.
 */
@ApplicationScoped
public class ReplicaConsumer implements EventHandler {

    public static final String REGIONS = "stations.region.v1";
    public static final String STATIONS = "stations.station.v1";
    public static final String AGENCIES = "stations.agency.v1";
    public static final String WORKERS = "personnel.worker.v1";
    public static final String ASSIGNMENTS = "personnel.assignment.v1";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    Json json;

    @Override
    public String name() {
        return "replicas";
    }

    @Override
    public List<String> topics() {
        return List.of(REGIONS, STATIONS, AGENCIES, WORKERS, ASSIGNMENTS);
    }

    @Override
    public void handle(String topic, CloudEvent event) {
        String data = event.dataAsString();
        switch (topic) {
            case REGIONS -> {
                RegionChanged r = json.read(data, RegionChanged.class);
                require(r.code(), "code");
                inbox.applySnapshot(event.id(), topic, "region", r.code(), r.version(), () -> upsertRegion(r));
            }
            case STATIONS -> {
                StationChanged s = json.read(data, StationChanged.class);
                require(s.id(), "id");
                inbox.applySnapshot(event.id(), topic, "station", s.id().toString(), s.version(), () -> upsertStation(s));
            }
            case AGENCIES -> {
                AgencyChanged a = json.read(data, AgencyChanged.class);
                require(a.id(), "id");
                inbox.applySnapshot(event.id(), topic, "agency", a.id().toString(), a.version(), () -> upsertAgency(a));
            }
            case WORKERS -> {
                WorkerChanged w = json.read(data, WorkerChanged.class);
                require(w.id(), "id");
                inbox.applySnapshot(event.id(), topic, "worker", w.id().toString(), w.version(), () -> upsertWorker(w));
            }
            case ASSIGNMENTS -> {
                AssignmentChanged a = json.read(data, AssignmentChanged.class);
                require(a.id(), "id");
                require(a.workerId(), "workerId");
                require(a.stationId(), "stationId");
                inbox.applySnapshot(event.id(), topic, "assignment", a.id().toString(), a.version(),
                        () -> upsertAssignment(a));
            }
            default -> throw new IllegalArgumentException("unexpected topic " + topic);
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("snapshot without " + field);
        }
    }

    private void upsertRegion(RegionChanged r) {
        em.createNativeQuery("""
                insert into region_replica (code, level, parent_code, retired, version) values (?1, ?2, ?3, ?4, ?5)
                on conflict (code) do update set level = excluded.level, parent_code = excluded.parent_code,
                    retired = excluded.retired, version = excluded.version""")
                .setParameter(1, r.code()).setParameter(2, Objects.requireNonNullElse(r.level(), "UNKNOWN"))
                .setParameter(3, r.parentCode()).setParameter(4, r.validTo() != null).setParameter(5, r.version())
                .executeUpdate();
    }

    private void upsertStation(StationChanged s) {
        em.createNativeQuery("""
                insert into station_replica (id, name, level, region_code, status, agency_id, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (id) do update set name = excluded.name, level = excluded.level,
                    region_code = excluded.region_code, status = excluded.status, agency_id = excluded.agency_id,
                    version = excluded.version""")
                .setParameter(1, s.id()).setParameter(2, Objects.requireNonNullElse(s.name(), ""))
                .setParameter(3, Objects.requireNonNullElse(s.level(), "UNKNOWN"))
                .setParameter(4, Objects.requireNonNull(s.regionCode(), "station snapshot without regionCode"))
                .setParameter(5, Objects.requireNonNullElse(s.status(), "UNKNOWN")).setParameter(6, s.agencyId())
                .setParameter(7, s.version())
                .executeUpdate();
    }

    private void upsertAgency(AgencyChanged a) {
        em.createNativeQuery("""
                insert into agency_replica (id, name, registration_region, status, version) values (?1, ?2, ?3, ?4, ?5)
                on conflict (id) do update set name = excluded.name, registration_region = excluded.registration_region,
                    status = excluded.status, version = excluded.version""")
                .setParameter(1, a.id()).setParameter(2, Objects.requireNonNullElse(a.name(), ""))
                .setParameter(3, a.registrationRegion()).setParameter(4, Objects.requireNonNullElse(a.status(), "ACTIVE"))
                .setParameter(5, a.version())
                .executeUpdate();
    }

    private void upsertWorker(WorkerChanged w) {
        em.createNativeQuery("""
                insert into worker_replica (id, employer_agency_id, category, qualification_level, registered, status,
                                            dishonesty_listed, dishonesty_listed_until, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict (id) do update set employer_agency_id = excluded.employer_agency_id,
                    category = excluded.category, qualification_level = excluded.qualification_level,
                    registered = excluded.registered, status = excluded.status,
                    dishonesty_listed = excluded.dishonesty_listed,
                    dishonesty_listed_until = excluded.dishonesty_listed_until, version = excluded.version""")
                .setParameter(1, w.id()).setParameter(2, w.employerAgencyId())
                .setParameter(3, Objects.requireNonNullElse(w.category(), "OTHER"))
                .setParameter(4, Objects.requireNonNullElse(w.qualificationLevel(), "NONE"))
                .setParameter(5, Boolean.TRUE.equals(w.registered()))
                .setParameter(6, Objects.requireNonNullElse(w.status(), "ACTIVE"))
                .setParameter(7, Boolean.TRUE.equals(w.dishonestyListed()))
                .setParameter(8, w.dishonestyListedUntil()).setParameter(9, w.version())
                .executeUpdate();
    }

    private void upsertAssignment(AssignmentChanged a) {
        em.createNativeQuery("""
                insert into assignment_replica (id, worker_id, station_id, status, version) values (?1, ?2, ?3, ?4, ?5)
                on conflict (id) do update set worker_id = excluded.worker_id, station_id = excluded.station_id,
                    status = excluded.status, version = excluded.version""")
                .setParameter(1, a.id()).setParameter(2, a.workerId()).setParameter(3, a.stationId())
                .setParameter(4, Objects.requireNonNullElse(a.status(), "ACTIVE")).setParameter(5, a.version())
                .executeUpdate();
    }
}
