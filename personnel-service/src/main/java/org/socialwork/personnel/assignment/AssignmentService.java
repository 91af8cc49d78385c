package org.socialwork.personnel.assignment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.socialwork.personnel.Refusals;
import org.socialwork.personnel.filing.FilingKind;
import org.socialwork.personnel.filing.FilingService;
import org.socialwork.personnel.replica.StationReplica;
import org.socialwork.personnel.replica.StationReplicaRepository;
import org.socialwork.personnel.worker.Category;
import org.socialwork.personnel.worker.Worker;
import org.socialwork.personnel.worker.WorkerScope;
import org.socialwork.personnel.worker.WorkerService;
import org.socialwork.personnel.worker.WorkerStatus;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.sql.Persistence;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;

/**
 * Station assignments with the bureaus' rules: the station must be known and open; at a
 * purchased-service station only the operating agency's staff (civil-affairs assistants
 * excepted); at most one active full-time station assignment per worker; no listed worker. Every
 * start, change and end opens a filing obligation.
 */
@ApplicationScoped
public class AssignmentService {

    static final String KIND = "assignment";
    static final String ONE_FULL_TIME = "assignment_one_full_time";

    @Inject
    AssignmentRepository assignments;

    @Inject
    AssignmentEvents events;

    @Inject
    StationReplicaRepository stations;

    @Inject
    WorkerScope workerScope;

    @Inject
    WorkerService workers;

    @Inject
    FilingService filings;

    @Inject
    org.socialwork.personnel.worker.WorkerRepository workerRepository;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Inject
    EntityManager em;

    /** Filters of the assignment list. */
    public record Filter(UUID workerId, UUID stationId, String region, AssignmentStatus status, OffsetDateTime updatedSince) {
    }

    @Transactional
    public AssignmentView create(AssignmentCreateRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN);
        Worker worker = workerScope.writableForUpdate(request.workerId());
        if (worker.status == WorkerStatus.LEFT) {
            throw Refusals.ruleOn("workerId", "assignment.worker.left");
        }
        if (worker.employerAgencyId == null || worker.category == null) {
            throw Refusals.ruleOn("workerId", "assignment.worker.unemployed");
        }
        workers.requireEmployable(worker);
        StationReplica station = stations.findByIdOptional(request.stationId())
                .orElseThrow(() -> Refusals.ruleOn("stationId", "assignment.station.unknown", request.stationId()));
        if (StationReplica.CLOSED.equals(station.status)) {
            throw Refusals.ruleOn("stationId", "assignment.station.closed", station.name);
        }
        if (StationReplica.PURCHASED_SERVICE.equals(station.operationMode)
                && !worker.employerAgencyId.equals(station.agencyId)
                && worker.category != Category.CIVIL_AFFAIRS_ASSISTANT) {
            throw Refusals.ruleOn("stationId", "assignment.station.other-agency", station.name);
        }
        boolean fullTime = request.fullTime() != null ? request.fullTime() : worker.category == Category.STATION_FULL_TIME;
        if (fullTime && assignments.hasActiveFullTime(worker.id)) {
            throw Refusals.conflictOn("workerId", "assignment.full-time.taken");
        }
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.workerId = worker.id;
        a.stationId = station.id;
        a.stationRegionCode = station.regionCode;
        a.employerAgencyId = worker.employerAgencyId;
        a.category = worker.category;
        a.role = request.role();
        a.fullTime = fullTime;
        a.from = request.from();
        a.status = AssignmentStatus.ACTIVE;
        a.createdAt = clock.now();
        a.updatedAt = a.createdAt;
        try {
            assignments.persist(a);
            assignments.flush();
        } catch (PersistenceException e) {
            if (Persistence.violates(e, ONE_FULL_TIME)) {
                throw Refusals.conflictOn("workerId", "assignment.full-time.taken");
            }
            throw e;
        }
        filings.open(a.id, a.workerId, a.stationRegionCode, a.employerAgencyId, FilingKind.START, a.from);
        events.changed(a);
        workers.touch(worker);
        return events.view(a);
    }

    @Transactional
    public AssignmentView get(UUID id) {
        return events.view(readable(id));
    }

    @Transactional
    public AssignmentView change(UUID id, String ifMatch, AssignmentChangeRequest request) {
        Assignment a = writable(id);
        Preconditions.requireIfMatch(ifMatch, a.version);
        requireActive(a);
        if (request.changedOn().isBefore(a.from)) {
            throw Problems.invalidField("changedOn", "assignment.date.before-start", a.from);
        }
        if (request.role() == a.role) {
            return events.view(a);
        }
        a.role = request.role();
        filings.open(a.id, a.workerId, a.stationRegionCode, a.employerAgencyId, FilingKind.CHANGE, request.changedOn());
        events.changed(a);
        workers.touch(workerRepository.findById(a.workerId));
        return events.view(a);
    }

    @Transactional
    public AssignmentView end(UUID id, String ifMatch, AssignmentEndRequest request) {
        Assignment a = writable(id);
        Preconditions.requireIfMatch(ifMatch, a.version);
        requireActive(a);
        if (request.to().isBefore(a.from)) {
            throw Problems.invalidField("to", "assignment.date.before-start", a.from);
        }
        endInternal(a, request.to());
        workers.touch(workerRepository.findById(a.workerId));
        return events.view(a);
    }

    /** Ends every active assignment of a leaving worker (the caller publishes the worker). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endAllOf(UUID workerId, LocalDate lastDay) {
        for (Assignment a : assignments.activeOf(workerId)) {
            endInternal(a, lastDay.isBefore(a.from) ? a.from : lastDay);
        }
    }

    @Transactional
    public List<Assignment> list(Filter filter, PageRequest page) {
        // Assignments are seen through the worker or the station's bureau: evaluators and dashboards have neither.
        workerScope.requireReaderRole();
        NativeSql sql = new NativeSql().append("select a.* from assignment a join worker w on w.id = a.worker_id where (");
        workerScope.scope(sql);
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.region().isPresent()) {
            sql.appendInSubtree(" or ", "a.station_region_code", "stationScope", caller.region().get());
        }
        sql.append(")");
        if (filter.workerId() != null) {
            sql.append(" and a.worker_id = :worker", "worker", filter.workerId());
        }
        if (filter.stationId() != null) {
            sql.append(" and a.station_id = :station", "station", filter.stationId());
        }
        if (filter.region() != null) {
            sql.appendInSubtree(" and ", "a.station_region_code", "region", filter.region());
        }
        if (filter.status() != null) {
            sql.append(" and a.status = :status", "status", filter.status().name());
        }
        sql.appendChangeFeedPage("a", filter.updatedSince(), page.cursor(), page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Assignment> rows = sql.bindTo(em.createNativeQuery(sql.sql(), Assignment.class)).getResultList();
        return rows;
    }

    @Transactional
    public AssignmentView listView(Assignment a) {
        return events.view(a);
    }

    static Cursor cursorOf(Assignment a) {
        return Persistence.changeFeedCursor(a.updatedAt, a.id);
    }

    private void endInternal(Assignment a, LocalDate to) {
        a.to = to;
        a.status = AssignmentStatus.ENDED;
        filings.open(a.id, a.workerId, a.stationRegionCode, a.employerAgencyId, FilingKind.END, to);
        events.changed(a);
    }

    private static void requireActive(Assignment a) {
        if (a.status != AssignmentStatus.ACTIVE) {
            throw Problems.rule("assignment.ended", a.to);
        }
    }

    private Assignment readable(UUID id) {
        Assignment a = assignments.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.coversRegion(a.stationRegionCode)) {
            return a;
        }
        if (caller.isPlatformAdmin() || caller.actsForAgency(a.employerAgencyId)) {
            return a;
        }
        try {
            workerScope.readable(a.workerId);
            return a;
        } catch (org.socialwork.platform.problem.ProblemException e) {
            throw Problems.notFound(KIND, id);
        }
    }

    private Assignment writable(UUID id) {
        Assignment a = readable(id);
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN);
        boolean allowed = caller.isPlatformAdmin() || caller.actsForAgency(a.employerAgencyId)
                || caller.hasRole(Roles.BUREAU_ADMIN) && caller.coversRegion(a.stationRegionCode);
        if (!allowed) {
            throw Problems.forbidden("assignment.forbidden.scope");
        }
        return a;
    }
}
