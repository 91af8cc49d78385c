package org.socialwork.projects.period;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.replica.Replicas;

@ApplicationScoped
public class LockExceptionService {

    @Inject
    BusinessClock clock;

    @Inject
    LockExceptionRepository exceptions;

    @Inject
    Replicas replicas;

    @Inject
    CallerScope caller;

    @Inject
    EntityManager em;

    /** A bureau admin whose region covers the record's (or station's) region grants it. */
    @Transactional
    public LockExceptionView grant(LockExceptionRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        String region;
        if (request.recordId() != null) {
            if (request.stationId() != null || request.periodStart() != null || request.periodEnd() != null) {
                throw Problems.invalidField("recordId", "lock-exception.shape");
            }
            @SuppressWarnings("unchecked")
            java.util.List<String> regions = em.createNativeQuery(
                    "select station_region_code from service_record where id = ?1").setParameter(1, request.recordId())
                    .getResultList();
            region = regions.stream().findFirst().orElseThrow(() -> Problems.notFound("service record", request.recordId()));
        } else {
            if (request.stationId() == null || request.periodStart() == null || request.periodEnd() == null) {
                throw Problems.invalidField("stationId", "lock-exception.shape");
            }
            if (request.periodEnd().isBefore(request.periodStart())) {
                throw Problems.invalidField("periodEnd", "lock-exception.period");
            }
            region = replicas.station(request.stationId()).map(Replicas.Station::regionCode)
                    .orElseThrow(() -> Problems.rule("record.station.unknown", request.stationId()));
        }
        if (!caller.coversRegion(region)) {
            throw Problems.forbidden("lock-exception.forbidden", region);
        }
        LockException e = new LockException();
        e.id = UUID.randomUUID();
        e.recordId = request.recordId();
        e.stationId = request.stationId();
        e.periodStart = request.periodStart();
        e.periodEnd = request.periodEnd();
        e.reason = request.reason().strip();
        e.grantedBy = caller.subject();
        e.grantedAt = clock.now();
        exceptions.persist(e);
        return LockExceptionView.of(e);
    }
}
