package org.socialwork.personnel.dispatch;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.personnel.worker.WorkerScope;
import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Preconditions;

/**
 * Dispatch programmes, managed by the sending bureau (or the platform); visible to the sending
 * and the receiving side.
 */
@ApplicationScoped
public class DispatchService {

    static final String KIND = "dispatch-programme";

    @Inject
    DispatchProgrammeRepository programmes;

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
    public ProgrammeView create(ProgrammeRequest request) {
        requireManager(request.sendingRegionCode());
        DispatchProgramme p = new DispatchProgramme();
        p.id = UUID.randomUUID();
        apply(p, request);
        p.createdAt = clock.now();
        p.updatedAt = p.createdAt;
        programmes.persist(p);
        programmes.flush();
        publish(p);
        return view(p);
    }

    @Transactional
    public ProgrammeView get(UUID id) {
        return view(readable(id));
    }

    @Transactional
    public ProgrammeView update(UUID id, String ifMatch, ProgrammeRequest request) {
        DispatchProgramme p = readable(id);
        requireManager(p.sendingRegionCode);
        requireManager(request.sendingRegionCode());
        Preconditions.requireIfMatch(ifMatch, p.version);
        apply(p, request);
        touch(p);
        return view(p);
    }

    @Transactional
    public ProgrammeView dispatch(UUID id, UUID workerId, String ifMatch, DispatchRequest request) {
        DispatchProgramme p = readable(id);
        requireManager(p.sendingRegionCode);
        Preconditions.requireIfMatch(ifMatch, p.version);
        workerScope.readable(workerId);
        if (request.to().isBefore(request.from()) || request.from().getYear() != p.year) {
            throw Problems.invalidField("from", "dispatch.period");
        }
        em.createNativeQuery("""
                insert into dispatch (programme_id, worker_id, valid_from, valid_to) values (:p, :w, :f, :t)
                on conflict (programme_id, worker_id) do update set valid_from = excluded.valid_from, valid_to = excluded.valid_to""")
                .setParameter("p", p.id).setParameter("w", workerId).setParameter("f", request.from())
                .setParameter("t", request.to()).executeUpdate();
        touch(p);
        return view(p);
    }

    /** Totals per receiving county, over the programmes the caller can see. */
    @Transactional
    public List<CountyTotals> totals(Integer year, String county) {
        // Programmes belong to the sending and receiving bureaus; dashboards read their aggregates in reporting-service.
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER);
        NativeSql sql = new NativeSql().append("""
                select p.receiving_county_code, count(*), coalesce(sum((select count(*) from dispatch d where d.programme_id = p.id)), 0),
                       coalesce(sum(p.local_trainees), 0)
                from dispatch_programme p where """);
        scope(sql);
        if (year != null) {
            sql.append(" and p.year = :year", "year", year);
        }
        if (county != null) {
            sql.append(" and p.receiving_county_code = :county", "county", county);
        }
        sql.append(" group by p.receiving_county_code order by p.receiving_county_code");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bindTo(em.createNativeQuery(sql.sql())).getResultList();
        return rows.stream().map(r -> new CountyTotals((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }

    private void apply(DispatchProgramme p, ProgrammeRequest request) {
        p.name = request.name().strip();
        p.year = request.year();
        p.sendingRegionCode = request.sendingRegionCode();
        p.sendingUnit = request.sendingUnit().strip();
        p.receivingCountyCode = request.receivingCountyCode();
        p.localTrainees = request.localTrainees();
    }

    private void touch(DispatchProgramme p) {
        p.updatedAt = clock.now();
        programmes.flush();
        publish(p);
    }

    private DispatchProgramme readable(UUID id) {
        DispatchProgramme p = programmes.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        boolean visible = caller.isPlatformAdmin()
                || caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER)
                        && (caller.coversRegion(p.sendingRegionCode) || caller.coversRegion(p.receivingCountyCode));
        if (!visible) {
            throw Problems.notFound(KIND, id);
        }
        return p;
    }

    private void requireManager(String sendingRegion) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        if (!caller.coversRegion(sendingRegion)) {
            throw Problems.forbidden("dispatch.forbidden.region", sendingRegion);
        }
    }

    private void scope(NativeSql sql) {
        if (caller.isPlatformAdmin()) {
            sql.append(" true ");
            return;
        }
        if (!caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) || caller.region().isEmpty()) {
            sql.append(" false ");
            return;
        }
        sql.appendInSubtree(" (", "p.sending_region_code", "scopeRegion", caller.region().get());
        sql.appendInSubtree(" or ", "p.receiving_county_code", "scopeRegion", caller.region().get()).append(")");
    }

    private ProgrammeView view(DispatchProgramme p) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select worker_id, valid_from, valid_to from dispatch where programme_id = :p order by valid_from, worker_id")
                .setParameter("p", p.id).getResultList();
        List<ProgrammeView.Dispatch> dispatches = rows.stream()
                .map(r -> new ProgrammeView.Dispatch((UUID) r[0], date(r[1]), date(r[2]))).toList();
        return new ProgrammeView(p.id, p.version, p.name, p.year, p.sendingRegionCode, p.sendingUnit, p.receivingCountyCode,
                dispatches, dispatches.size(), p.localTrainees, p.createdAt, p.updatedAt);
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private void publish(DispatchProgramme p) {
        outbox.append(ProgrammeView.TOPIC, ProgrammeView.TYPE, p.id.toString(), view(p));
    }
}
