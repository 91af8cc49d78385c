package org.socialwork.personnel.training;

import java.math.BigDecimal;
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

/** Trainings organised by bureaus (or the platform) and who attended them. */
@ApplicationScoped
public class TrainingService {

    static final String KIND = "training";

    @Inject
    TrainingRepository trainings;

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
    public TrainingView create(TrainingRequest request) {
        requireOrganizer(request.organizerRegionCode());
        if (request.endsOn().isBefore(request.startsOn())) {
            throw Problems.invalidField("endsOn", "training.dates");
        }
        Training t = new Training();
        t.id = UUID.randomUUID();
        t.title = request.title().strip();
        t.type = request.type();
        t.provider = request.provider().strip();
        t.organizerRegionCode = request.organizerRegionCode();
        t.hours = request.hours();
        t.startsOn = request.startsOn();
        t.endsOn = request.endsOn();
        t.createdAt = clock.now();
        t.updatedAt = t.createdAt;
        trainings.persist(t);
        trainings.flush();
        publish(t);
        return view(t);
    }

    @Transactional
    public TrainingView get(UUID id) {
        return viewForCaller(readable(id));
    }

    @Transactional
    public TrainingView attend(UUID id, UUID workerId, String ifMatch, AttendanceRequest request) {
        Training t = readable(id);
        requireOrganizer(t.organizerRegionCode);
        Preconditions.requireIfMatch(ifMatch, t.version);
        workerScope.readable(workerId);
        if (request.hours().compareTo(t.hours) > 0) {
            throw Problems.invalidField("hours", "training.hours", t.hours);
        }
        em.createNativeQuery("""
                insert into training_attendance (training_id, worker_id, hours, completed) values (:t, :w, :h, :c)
                on conflict (training_id, worker_id) do update set hours = excluded.hours, completed = excluded.completed""")
                .setParameter("t", t.id).setParameter("w", workerId).setParameter("h", request.hours())
                .setParameter("c", request.completed()).executeUpdate();
        t.updatedAt = clock.now();
        trainings.flush();
        publish(t);
        return viewForCaller(t);
    }

    /** Hours a worker attended in trainings that started in {@code year}. */
    @Transactional
    public TrainingHours hours(UUID workerId, int year) {
        workerScope.readable(workerId);
        Object[] row = (Object[]) em.createNativeQuery("""
                select coalesce(sum(a.hours), 0), count(*), count(*) filter (where a.completed)
                from training_attendance a join training t on t.id = a.training_id
                where a.worker_id = :w and extract(year from t.starts_on) = :y""")
                .setParameter("w", workerId).setParameter("y", year).getSingleResult();
        return new TrainingHours(workerId, year, (BigDecimal) row[0], ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    private Training readable(UUID id) {
        Training t = trainings.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        boolean visible = caller.isPlatformAdmin()
                || caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.region().isPresent()
                        && (t.organizerRegionCode.startsWith(caller.region().get())
                                || caller.region().get().startsWith(t.organizerRegionCode))
                || caller.hasRole(Roles.AGENCY_ADMIN) && caller.agency().isPresent()
                        && offeredToOrAttendedBy(t, caller.agency().get());
        if (!visible) {
            throw Problems.notFound(KIND, id);
        }
        return t;
    }

    /** An agency sees the trainings of the bureaus above its registration region, and those its staff attended. */
    private boolean offeredToOrAttendedBy(Training t, UUID agency) {
        return (Boolean) em.createNativeQuery("""
                select exists (select 1 from agency_replica ar where ar.id = :agency
                                 and left(ar.registration_region, length(:organizer)) = :organizer)
                    or exists (select 1 from training_attendance a join worker w on w.id = a.worker_id
                                 where a.training_id = :t and w.employer_agency_id = :agency)""")
                .setParameter("agency", agency).setParameter("organizer", t.organizerRegionCode).setParameter("t", t.id)
                .getSingleResult();
    }

    private void requireOrganizer(String region) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        if (!caller.coversRegion(region)) {
            throw Problems.forbidden("training.forbidden.region", region);
        }
    }

    private TrainingView view(Training t) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select worker_id, hours, completed from training_attendance where training_id = :t order by worker_id")
                .setParameter("t", t.id).getResultList();
        List<TrainingView.Attendance> attendance = rows.stream()
                .map(r -> new TrainingView.Attendance((UUID) r[0], (BigDecimal) r[1], (Boolean) r[2])).toList();
        return new TrainingView(t.id, t.version, t.title, t.type, t.provider, t.organizerRegionCode, t.hours, t.startsOn,
                t.endsOn, attendance, t.createdAt, t.updatedAt);
    }

    /** The training with only the attendance of workers the caller may see (the event carries all of it). */
    private TrainingView viewForCaller(Training t) {
        TrainingView full = view(t);
        if (caller.isPlatformAdmin() || full.attendance().isEmpty()) {
            return full;
        }
        NativeSql sql = new NativeSql().append("select w.id from worker w where w.id in (:attendees) and ",
                "attendees", full.attendance().stream().map(TrainingView.Attendance::workerId).toList());
        workerScope.scope(sql);
        @SuppressWarnings("unchecked")
        java.util.Set<UUID> visible = new java.util.HashSet<>(sql.bindTo(em.createNativeQuery(sql.sql())).getResultList());
        return new TrainingView(full.id(), full.version(), full.title(), full.type(), full.provider(),
                full.organizerRegionCode(), full.hours(), full.startsOn(), full.endsOn(),
                full.attendance().stream().filter(a -> visible.contains(a.workerId())).toList(), full.createdAt(),
                full.updatedAt());
    }

    private void publish(Training t) {
        outbox.append(TrainingView.TOPIC, TrainingView.TYPE, t.id.toString(), view(t));
    }
}
