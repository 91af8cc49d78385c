package org.socialwork.projects.field;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Cursor;
import org.socialwork.projects.ProjectsConfig;
import org.socialwork.projects.client.Client;
import org.socialwork.projects.client.ClientService;
import org.socialwork.projects.client.RiskLevel;
import org.socialwork.projects.need.Need;
import org.socialwork.projects.need.NeedService;
import org.socialwork.projects.project.Project;
import org.socialwork.projects.project.ProjectService;
import org.socialwork.projects.record.ServiceRecord;
import org.socialwork.projects.record.ServiceRecordService;

/** The field worker's app: clients due for a visit and the change feed of their stations. */
@ApplicationScoped
public class FieldService {

    private static final OffsetDateTime BEGINNING = Instant.EPOCH.atOffset(ZoneOffset.UTC);
    private static final UUID NONE = new UUID(0, 0);

    @Inject
    BusinessClock clock;

    @Inject
    CallerScope caller;

    @Inject
    EntityManager em;

    @Inject
    ProjectsConfig config;

    @Inject
    ClientService clients;

    @Inject
    NeedService needs;

    @Inject
    ServiceRecordService records;

    @Inject
    ProjectService projects;

    @Transactional
    public List<DueVisit> dueVisits(LocalDate day, int limit) {
        UUID worker = worker();
        LocalDate month = day.withDayOfMonth(1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select * from (
                    select c.id, c.name, c.risk_level, c.station_id, c.village_region_code, c.required_visits_per_month,
                           (select count(*) from service_record r where r.type = 'VISIT' and r.client_ids @> array[c.id]
                                and r.occurred_at >= :from and r.occurred_at < :to) as visits,
                           (select max(r.occurred_at) from service_record r where r.type = 'VISIT'
                                and r.client_ids @> array[c.id]) as last_visit
                    from client c
                    where c.status = 'ACTIVE' and c.required_visits_per_month > 0
                      and (c.responsible_worker_id = :worker or c.station_id in (
                           select a.station_id from assignment_replica a where a.worker_id = :worker and a.status = 'ACTIVE'))
                ) due
                where visits < required_visits_per_month
                order by last_visit nulls first, id
                limit :limit""")
                .setParameter("from", clock.startOf(month))
                .setParameter("to", clock.startOf(month.plusMonths(1)))
                .setParameter("worker", worker).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new DueVisit((UUID) r[0], (String) r[1], RiskLevel.valueOf((String) r[2]),
                (UUID) r[3], (String) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), time(r[7]))).toList();
    }

    @Transactional
    public SyncChanges changes(String token) {
        UUID worker = worker();
        Cursor cursor = token == null || token.isBlank() ? null : Cursor.decode(token, 8);
        int size = config.sync().changesPageSize();
        String mine = "(select a.station_id from assignment_replica a where a.worker_id = :worker and a.status = 'ACTIVE')";
        Page<Client> c = page(Client.class, "client", "t.station_id in " + mine, worker, cursor, 0, size);
        Page<Need> n = page(Need.class, "need", "t.station_id in " + mine, worker, cursor, 2, size);
        Page<ServiceRecord> r = page(ServiceRecord.class, "service_record", "t.station_id in " + mine, worker, cursor, 4, size);
        Page<Project> p = page(Project.class, "project", "exists (select 1 from assignment_replica a where a.worker_id = :worker"
                + " and a.status = 'ACTIVE' and t.station_ids @> jsonb_build_array(cast(a.station_id as text)))", worker,
                cursor, 6, size);
        List<String> keys = new ArrayList<>();
        keys.addAll(c.next(x -> x.updatedAt, x -> x.id));
        keys.addAll(n.next(x -> x.updatedAt, x -> x.id));
        keys.addAll(r.next(x -> x.updatedAt, x -> x.id));
        keys.addAll(p.next(x -> x.updatedAt, x -> x.id));
        return new SyncChanges(c.rows.stream().map(clients::listView).toList(), n.rows.stream().map(needs::view).toList(),
                r.rows.stream().map(records::view).toList(), p.rows.stream().map(projects::view).toList(),
                new Cursor(keys).encode(), c.more || n.more || r.more || p.more);
    }

    private final class Page<T> {
        List<T> rows;
        boolean more;
        OffsetDateTime afterAt;
        UUID afterId;

        List<String> next(Function<T, OffsetDateTime> at, Function<T, UUID> id) {
            if (rows.isEmpty()) {
                return List.of(afterAt.toString(), afterId.toString());
            }
            T last = rows.get(rows.size() - 1);
            return List.of(at.apply(last).toString(), id.apply(last).toString());
        }
    }

    private <T> Page<T> page(Class<T> type, String table, String scope, UUID worker, Cursor cursor, int index, int size) {
        Page<T> page = new Page<>();
        try {
            page.afterAt = cursor == null ? BEGINNING : OffsetDateTime.parse(cursor.key(index));
            page.afterId = cursor == null ? NONE : UUID.fromString(cursor.key(index + 1));
        } catch (RuntimeException e) {
            throw Problems.of(ProblemType.INVALID_CURSOR, "problem.invalid-cursor.detail");
        }
        @SuppressWarnings("unchecked")
        List<T> rows = em.createNativeQuery("select t.* from " + table + " t where " + scope
                + " and (t.updated_at, t.id) > (:at, :id) order by t.updated_at, t.id limit :limit", type)
                .setParameter("worker", worker).setParameter("at", page.afterAt).setParameter("id", page.afterId)
                .setParameter("limit", size + 1).getResultList();
        page.more = rows.size() > size;
        page.rows = page.more ? rows.subList(0, size) : rows;
        return page;
    }

    private UUID worker() {
        if (!caller.hasRole(Roles.FIELD_WORKER)) {
            throw Problems.forbidden("problem.forbidden.role", Roles.FIELD_WORKER);
        }
        return caller.worker().orElseThrow(() -> Problems.forbidden("problem.forbidden.role", Roles.FIELD_WORKER));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }
}
