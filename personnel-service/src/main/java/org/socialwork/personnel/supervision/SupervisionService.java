package org.socialwork.personnel.supervision;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.personnel.Refusals;
import org.socialwork.personnel.replica.AgencyReplicaRepository;
import org.socialwork.personnel.replica.StationReplica;
import org.socialwork.personnel.replica.StationReplicaRepository;
import org.socialwork.personnel.worker.Worker;
import org.socialwork.personnel.worker.WorkerScope;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;

/** Supervision pairings and their sessions, managed by whoever manages the supervisor. */
@ApplicationScoped
public class SupervisionService {

    static final String KIND = "supervision";

    @Inject
    SupervisionRepository supervisions;

    @Inject
    StationReplicaRepository stations;

    @Inject
    AgencyReplicaRepository agencies;

    @Inject
    WorkerScope workerScope;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Inject
    EntityManager em;

    @Transactional
    public SupervisionView pair(PairingRequest request) {
        if ((request.workerId() == null) == (request.stationId() == null)) {
            throw Problems.invalidField("workerId", "supervision.target");
        }
        Worker supervisor = workerScope.writable(request.supervisorId());
        String region;
        if (request.workerId() != null) {
            if (request.workerId().equals(supervisor.id)) {
                throw Problems.invalidField("supervisorId", "supervision.supervisor");
            }
            Worker worker = workerScope.readable(request.workerId());
            region = worker.employerAgencyId == null ? ""
                    : agencies.findByIdOptional(worker.employerAgencyId).map(a -> a.registrationRegion).orElse("");
        } else {
            StationReplica station = stations.findByIdOptional(request.stationId())
                    .orElseThrow(() -> Refusals.ruleOn("stationId", "supervision.station.unknown", request.stationId()));
            region = station.regionCode;
        }
        Supervision s = new Supervision();
        s.id = UUID.randomUUID();
        s.supervisorId = supervisor.id;
        s.workerId = request.workerId();
        s.stationId = request.stationId();
        s.regionCode = region;
        s.from = request.from();
        s.to = request.to();
        s.createdAt = clock.now();
        supervisions.persist(s);
        return view(s);
    }

    @Transactional
    public SupervisionView addSession(UUID id, SessionRequest request) {
        Supervision s = readable(id);
        workerScope.requireWriter(workerScope.readable(s.supervisorId));
        em.createNativeQuery("""
                insert into supervision_session (id, supervision_id, held_on, hours, topic, created_at)
                values (:id, :s, :d, :h, :t, :createdAt)""")
                .setParameter("id", UUID.randomUUID()).setParameter("s", s.id).setParameter("d", request.heldOn())
                .setParameter("h", request.hours()).setParameter("t", request.topic().strip())
                .setParameter("createdAt", clock.now()).executeUpdate();
        return view(s);
    }

    @Transactional
    public SupervisionView get(UUID id) {
        return view(readable(id));
    }

    private Supervision readable(UUID id) {
        Supervision s = supervisions.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.coversRegion(s.regionCode)) {
            return s;
        }
        try {
            workerScope.readable(s.supervisorId);
            return s;
        } catch (org.socialwork.platform.problem.ProblemException e) {
            throw Problems.notFound(KIND, id);
        }
    }

    private SupervisionView view(Supervision s) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select id, held_on, hours, topic from supervision_session where supervision_id = :s order by held_on, id")
                .setParameter("s", s.id).getResultList();
        List<SupervisionView.Session> sessions = rows.stream().map(r -> new SupervisionView.Session((UUID) r[0],
                r[1] instanceof Date d ? d.toLocalDate() : (LocalDate) r[1], (BigDecimal) r[2], (String) r[3])).toList();
        BigDecimal total = sessions.stream().map(SupervisionView.Session::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new SupervisionView(s.id, s.supervisorId, s.workerId, s.stationId, s.regionCode, s.from, s.to, sessions,
                total);
    }
}
