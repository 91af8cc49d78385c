package org.socialwork.personnel.volunteer;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.personnel.Refusals;
import org.socialwork.personnel.replica.StationReplica;
import org.socialwork.personnel.replica.StationReplicaRepository;
import org.socialwork.personnel.worker.Worker;
import org.socialwork.personnel.worker.WorkerScope;
import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Preconditions;

/** Volunteers, recruited by a worker who serves (or served) at the station they join. */
@ApplicationScoped
public class VolunteerService {

    static final String KIND = "volunteer";

    @Inject
    VolunteerRepository volunteers;

    @Inject
    StationReplicaRepository stations;

    @Inject
    WorkerScope workerScope;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Transactional
    public VolunteerView create(VolunteerCreateRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN);
        Worker recruiter = workerScope.writable(request.recruitedByWorkerId());
        StationReplica station = stations.findByIdOptional(request.stationId())
                .orElseThrow(() -> Refusals.ruleOn("stationId", "volunteer.station.unknown", request.stationId()));
        long served = ((Number) em.createNativeQuery(
                "select count(*) from assignment where worker_id = :w and station_id = :s")
                .setParameter("w", recruiter.id).setParameter("s", station.id).getSingleResult()).longValue();
        if (served == 0) {
            throw Refusals.ruleOn("recruitedByWorkerId", "volunteer.recruiter");
        }
        Volunteer v = new Volunteer();
        v.id = UUID.randomUUID();
        v.stationId = station.id;
        v.stationRegionCode = station.regionCode;
        v.recruitedByWorkerId = recruiter.id;
        v.name = request.name().strip();
        v.registeredOn = request.registeredOn();
        v.serviceHours = request.serviceHours();
        v.regular = request.regular();
        v.status = "ACTIVE";
        v.createdAt = clock.now();
        v.updatedAt = v.createdAt;
        volunteers.persist(v);
        volunteers.flush();
        publish(v);
        return VolunteerView.of(v);
    }

    @Transactional
    public VolunteerView get(UUID id) {
        return VolunteerView.of(readable(id));
    }

    @Transactional
    public VolunteerView update(UUID id, String ifMatch, VolunteerUpdateRequest request) {
        Volunteer v = readable(id);
        workerScope.requireWriter(workerScope.readable(v.recruitedByWorkerId));
        Preconditions.requireIfMatch(ifMatch, v.version);
        v.serviceHours = request.serviceHours();
        v.regular = request.regular();
        v.status = request.status();
        v.updatedAt = clock.now();
        volunteers.flush();
        publish(v);
        return VolunteerView.of(v);
    }

    @Transactional
    public VolunteerSummary summary(UUID workerId) {
        workerScope.readable(workerId);
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), count(*) filter (where regular), coalesce(sum(service_hours), 0)
                from volunteer where recruited_by_worker_id = :w and status = 'ACTIVE'""")
                .setParameter("w", workerId).getSingleResult();
        return new VolunteerSummary(workerId, ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                (BigDecimal) row[2]);
    }

    private Volunteer readable(UUID id) {
        Volunteer v = volunteers.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.coversRegion(v.stationRegionCode)) {
            return v;
        }
        try {
            workerScope.readable(v.recruitedByWorkerId);
            return v;
        } catch (org.socialwork.platform.problem.ProblemException e) {
            throw Problems.notFound(KIND, id);
        }
    }

    private void publish(Volunteer v) {
        outbox.append(VolunteerChangedEvent.TOPIC, VolunteerChangedEvent.TYPE, v.id.toString(), VolunteerChangedEvent.of(v));
    }
}
