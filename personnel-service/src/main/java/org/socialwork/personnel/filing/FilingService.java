package org.socialwork.personnel.filing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.personnel.PersonnelConfig;
import org.socialwork.personnel.assignment.AssignmentEvents;
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
 * Filing (备案): each start, change or end of an assignment must be filed with the bureau within
 * the configured days; a later filing is marked late, and an unfiled one past its due date is
 * overdue. Both count as late in the bureau's list.
 */
@ApplicationScoped
public class FilingService {

    static final String KIND = "filing";

    @Inject
    FilingRepository filings;

    @Inject
    AssignmentEvents assignmentEvents;

    @Inject
    PersonnelConfig config;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Inject
    EntityManager em;

    /** Filters of the filing list. */
    public record Filter(String region, Boolean late, Boolean filed, UUID workerId, UUID agencyId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(UUID assignmentId, UUID workerId, String regionCode, UUID agencyId, FilingKind kind, LocalDate changedOn) {
        Filing f = new Filing();
        f.id = UUID.randomUUID();
        f.assignmentId = assignmentId;
        f.workerId = workerId;
        f.stationRegionCode = regionCode;
        f.employerAgencyId = agencyId;
        f.kind = kind;
        f.changedOn = changedOn;
        f.dueOn = changedOn.plusDays(config.filingDeadlineDays());
        f.createdAt = clock.now();
        f.updatedAt = f.createdAt;
        filings.persist(f);
    }

    @Transactional
    public FilingView get(UUID id) {
        return view(readable(id), clock.today());
    }

    @Transactional
    public FilingView file(UUID id, String ifMatch, FileRequest request) {
        Filing f = readable(id);
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN);
        if (!(caller.isPlatformAdmin() || caller.actsForAgency(f.employerAgencyId)
                || caller.hasRole(Roles.BUREAU_ADMIN) && caller.coversRegion(f.stationRegionCode))) {
            throw Problems.forbidden("filing.forbidden.scope");
        }
        Preconditions.requireIfMatch(ifMatch, f.version);
        if (f.filedOn != null) {
            throw Problems.conflict("filing.already-filed", f.filedOn);
        }
        if (request.filedOn().isBefore(f.changedOn)) {
            throw Problems.invalidField("filedOn", "filing.before-change", f.changedOn);
        }
        LocalDate today = clock.today();
        if (request.filedOn().isAfter(today)) {
            throw Problems.invalidField("filedOn", "filing.future");
        }
        f.filedOn = request.filedOn();
        f.late = request.filedOn().isAfter(f.dueOn);
        f.updatedAt = clock.now();
        filings.flush();
        assignmentEvents.filingChanged(f.assignmentId);
        return view(f, today);
    }

    /** {@code today} is the caller's, so that the late filter and the states of the page's views agree on one day. */
    @Transactional
    public List<Filing> list(Filter filter, LocalDate today, PageRequest page) {
        // Filing is between the employing agency and the bureau: nobody else has a filing list.
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN);
        NativeSql sql = new NativeSql().append("select f.* from filing f where ");
        scope(sql);
        if (filter.region() != null) {
            sql.appendInSubtree(" and ", "f.station_region_code", "region", filter.region());
        }
        if (Boolean.TRUE.equals(filter.late())) {
            sql.append(" and (f.late or (f.filed_on is null and f.due_on < :today))", "today", today);
        } else if (Boolean.FALSE.equals(filter.late())) {
            sql.append(" and not coalesce(f.late, f.due_on < :today)", "today", today);
        }
        if (filter.filed() != null) {
            sql.append(filter.filed() ? " and f.filed_on is not null" : " and f.filed_on is null");
        }
        if (filter.workerId() != null) {
            sql.append(" and f.worker_id = :worker", "worker", filter.workerId());
        }
        if (filter.agencyId() != null) {
            sql.append(" and f.employer_agency_id = :agency", "agency", filter.agencyId());
        }
        sql.appendChangeFeedPage("f", page.cursor(), page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Filing> rows = sql.bindTo(em.createNativeQuery(sql.sql(), Filing.class)).getResultList();
        return rows;
    }

    static Cursor cursorOf(Filing f) {
        return Persistence.changeFeedCursor(f.updatedAt, f.id);
    }

    static FilingView view(Filing f, LocalDate today) {
        FilingState state = f.filedOn != null ? (Boolean.TRUE.equals(f.late) ? FilingState.FILED_LATE : FilingState.FILED_ON_TIME)
                : today.isAfter(f.dueOn) ? FilingState.OVERDUE : FilingState.PENDING;
        Integer days = f.filedOn == null ? null : (int) ChronoUnit.DAYS.between(f.changedOn, f.filedOn);
        return new FilingView(f.id, f.version, f.assignmentId, f.workerId, f.stationRegionCode, f.employerAgencyId, f.kind,
                f.changedOn, f.dueOn, f.filedOn, days, state == FilingState.FILED_LATE || state == FilingState.OVERDUE,
                state, f.updatedAt);
    }

    private Filing readable(UUID id) {
        Filing f = filings.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        boolean visible = caller.isPlatformAdmin() || caller.actsForAgency(f.employerAgencyId)
                || caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.coversRegion(f.stationRegionCode);
        if (!visible) {
            throw Problems.notFound(KIND, id);
        }
        return f;
    }

    private void scope(NativeSql sql) {
        if (caller.isPlatformAdmin()) {
            sql.append(" true ");
            return;
        }
        sql.append(" (false");
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.region().isPresent()) {
            sql.appendInSubtree(" or ", "f.station_region_code", "scopeRegion", caller.region().get());
        }
        if (caller.hasRole(Roles.AGENCY_ADMIN) && caller.agency().isPresent()) {
            sql.append(" or f.employer_agency_id = :scopeAgency", "scopeAgency", caller.agency().get());
        }
        sql.append(")");
    }
}
