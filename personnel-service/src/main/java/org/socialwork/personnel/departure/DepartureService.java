package org.socialwork.personnel.departure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.socialwork.personnel.PersonnelConfig;
import org.socialwork.personnel.Refusals;
import org.socialwork.personnel.assignment.AssignmentService;
import org.socialwork.personnel.worker.EmploymentRepository;
import org.socialwork.personnel.worker.Worker;
import org.socialwork.personnel.worker.WorkerRepository;
import org.socialwork.personnel.worker.WorkerScope;
import org.socialwork.personnel.worker.WorkerService;
import org.socialwork.personnel.worker.WorkerStatus;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.Persistence;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Preconditions;

/** Departures: the notice with its minimum and maximum period, then the leave that ends assignments. */
@ApplicationScoped
public class DepartureService {

    @Inject
    DepartureRepository departures;

    @Inject
    WorkerScope workerScope;

    @Inject
    WorkerRepository workers;

    @Inject
    WorkerService workerService;

    @Inject
    EmploymentRepository employments;

    @Inject
    AssignmentService assignments;

    @Inject
    PersonnelConfig config;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Inject
    EntityManager em;

    @Transactional
    public DepartureView notice(UUID workerId, String ifMatch, NoticeRequest request) {
        Worker worker = workerScope.writableForUpdate(workerId);
        Preconditions.requireIfMatch(ifMatch, worker.version);
        if (worker.status != WorkerStatus.ACTIVE || worker.employerAgencyId == null) {
            throw Problems.rule("departure.not-active", worker.status);
        }
        long days = ChronoUnit.DAYS.between(request.noticeDate(), request.plannedLeaveOn());
        if (days < 0) {
            throw Problems.invalidField("plannedLeaveOn", "departure.leave-before-notice");
        }
        if (request.replacementWorkerId() != null) {
            Worker replacement = workers.findByIdOptional(request.replacementWorkerId())
                    .filter(r -> worker.employerAgencyId.equals(r.employerAgencyId) && r.status == WorkerStatus.ACTIVE
                            && !r.id.equals(worker.id))
                    .orElseThrow(() -> Refusals.ruleOn("replacementWorkerId", "departure.replacement.invalid"));
            request = new NoticeRequest(request.noticeDate(), request.plannedLeaveOn(), replacement.id, request.reason());
        } else if (days < config.noticeMinimumDays()) {
            throw Refusals.ruleOn("plannedLeaveOn", "departure.notice.too-short", config.noticeMinimumDays(), days);
        }
        if (request.plannedLeaveOn().isAfter(request.noticeDate().plus(config.noticeMaximum()))) {
            throw Refusals.ruleOn("plannedLeaveOn", "departure.notice.too-long", config.noticeMaximum().toString());
        }
        Departure d = new Departure();
        d.id = UUID.randomUUID();
        d.workerId = worker.id;
        d.agencyId = worker.employerAgencyId;
        d.noticeDate = request.noticeDate();
        d.plannedLeaveOn = request.plannedLeaveOn();
        d.replacementWorkerId = request.replacementWorkerId();
        d.reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        d.createdAt = clock.now();
        try {
            departures.persist(d);
            departures.flush();
        } catch (PersistenceException e) {
            if (Persistence.violates(e, "departure_open")) {
                throw Problems.conflict("departure.open");
            }
            throw e;
        }
        worker.status = WorkerStatus.NOTICE_GIVEN;
        workerService.touch(worker);
        return DepartureView.of(d);
    }

    @Transactional
    public DepartureView leave(UUID workerId, String ifMatch, LeaveRequest request) {
        Worker worker = workerScope.writableForUpdate(workerId);
        Preconditions.requireIfMatch(ifMatch, worker.version);
        Departure d = departures.open(worker.id)
                .orElseThrow(() -> Problems.rule("departure.no-notice"));
        if (request.leftOn().isBefore(d.noticeDate)) {
            throw Problems.invalidField("leftOn", "departure.leave-before-notice");
        }
        d.leftOn = request.leftOn();
        assignments.endAllOf(worker.id, request.leftOn());
        employments.open(worker.id).ifPresent(e -> e.endedOn = request.leftOn());
        worker.status = WorkerStatus.LEFT;
        worker.employedUntil = request.leftOn();
        workerService.touch(worker);
        return DepartureView.of(d);
    }

    @Transactional
    public ChurnStats stats(UUID agencyId, LocalDate from, LocalDate to) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN);
        boolean visible = caller.isPlatformAdmin() || caller.actsForAgency(agencyId);
        if (!visible && caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER)) {
            Object region = em.createNativeQuery("select registration_region from agency_replica where id = :id")
                    .setParameter("id", agencyId).getResultStream().findFirst().orElse(null);
            visible = region != null && caller.coversRegion((String) region);
        }
        if (!visible) {
            throw Problems.notFound("agency", agencyId);
        }
        if (to.isBefore(from)) {
            throw Problems.invalidField("to", "departure.stats.range");
        }
        long left = ((Number) em.createNativeQuery("""
                select count(*) from departure where agency_id = :agency and left_on between :from and :to""")
                .setParameter("agency", agencyId).setParameter("from", from).setParameter("to", to).getSingleResult())
                .longValue();
        long headcount = ((Number) em.createNativeQuery("""
                select count(distinct worker_id) from employment
                where agency_id = :agency and started_on <= :from and (ended_on is null or ended_on >= :from)""")
                .setParameter("agency", agencyId).setParameter("from", from).getSingleResult()).longValue();
        return new ChurnStats(agencyId, from, to, left, headcount, headcount == 0 ? null : (double) left / headcount);
    }
}
