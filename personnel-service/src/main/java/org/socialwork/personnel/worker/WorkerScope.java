package org.socialwork.personnel.worker;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;

/**
 * Who may see and change which workers: an agency admin its own staff; a bureau user the workers
 * employed by agencies registered in its region subtree or assigned to stations there; a field
 * worker only their own record; a platform admin everyone. Outside the scope a worker looks absent.
 */
@ApplicationScoped
public class WorkerScope {

    public static final String KIND = "worker";

    /** The roles that reach any worker's record. */
    private static final String[] READERS = {Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER,
            Roles.AGENCY_ADMIN, Roles.FIELD_WORKER};

    @Inject
    CallerScope caller;

    @Inject
    WorkerRepository workers;

    @Inject
    EntityManager em;

    /** The worker if the caller may see it, else 404. */
    public Worker readable(UUID id) {
        Worker worker = workers.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        if (!canRead(worker)) {
            throw Problems.notFound(KIND, id);
        }
        return worker;
    }

    /** The worker if the caller may change it: 404 outside the scope, 403 inside it without a writing role. */
    public Worker writable(UUID id) {
        Worker worker = readable(id);
        requireWriter(worker);
        return worker;
    }

    /**
     * Same as {@link #writable}, reading the row with a lock first: rules that must not race
     * (assignments, departures) then see the state the previous writer committed.
     */
    public Worker writableForUpdate(UUID id) {
        Worker worker = em.find(Worker.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (worker == null || !canRead(worker)) {
            throw Problems.notFound(KIND, id);
        }
        requireWriter(worker);
        return worker;
    }

    /** 403 for a role that reaches no worker at all: for it a list of workers does not exist, rather than being empty. */
    public void requireReaderRole() {
        caller.requireAnyRole(READERS);
    }

    public boolean canRead(Worker worker) {
        if (caller.isPlatformAdmin()) {
            return true;
        }
        if (caller.actsForAgency(worker.employerAgencyId)) {
            return true;
        }
        if (caller.hasRole(Roles.FIELD_WORKER) && caller.worker().map(worker.id::equals).orElse(false)) {
            return true;
        }
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.region().isPresent()) {
            return inBureauRegion(worker.id, caller.region().get());
        }
        return false;
    }

    public void requireWriter(Worker worker) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN);
        if (caller.isPlatformAdmin() || caller.actsForAgency(worker.employerAgencyId)) {
            return;
        }
        if (caller.hasRole(Roles.BUREAU_ADMIN) && caller.region().isPresent()
                && inBureauRegion(worker.id, caller.region().get())) {
            return;
        }
        throw Problems.forbidden("worker.forbidden.scope");
    }

    /** Restricts a query over {@code worker w} to the caller's scope (appends a boolean expression). */
    public void scope(NativeSql sql) {
        if (caller.isPlatformAdmin()) {
            sql.append(" true ");
            return;
        }
        sql.append(" (false");
        if (caller.hasRole(Roles.AGENCY_ADMIN) && caller.agency().isPresent()) {
            sql.append(" or w.employer_agency_id = :scopeAgency", "scopeAgency", caller.agency().get());
        }
        if (caller.hasRole(Roles.FIELD_WORKER) && caller.worker().isPresent()) {
            sql.append(" or w.id = :scopeWorker", "scopeWorker", caller.worker().get());
        }
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.region().isPresent()) {
            String region = caller.region().get();
            sql.appendInSubtree(" or exists (select 1 from agency_replica ar where ar.id = w.employer_agency_id and ",
                    "ar.registration_region", "scopeRegion", region).append(")");
            sql.appendInSubtree(" or exists (select 1 from assignment sa where sa.worker_id = w.id and sa.status = 'ACTIVE' and ",
                    "sa.station_region_code", "scopeRegion", region).append(")");
        }
        sql.append(")");
    }

    private boolean inBureauRegion(UUID workerId, String region) {
        NativeSql sql = new NativeSql().append("select count(*) from worker w where w.id = :id and ", "id", workerId);
        sql.append(" (false");
        sql.appendInSubtree(" or exists (select 1 from agency_replica ar where ar.id = w.employer_agency_id and ",
                "ar.registration_region", "scopeRegion", region).append(")");
        sql.appendInSubtree(" or exists (select 1 from assignment sa where sa.worker_id = w.id and sa.status = 'ACTIVE' and ",
                "sa.station_region_code", "scopeRegion", region).append("))");
        return ((Number) sql.bindTo(em.createNativeQuery(sql.sql())).getSingleResult()).longValue() > 0;
    }
}
