package org.socialwork.projects.need;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.sql.Persistence;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.projects.common.Json;
import org.socialwork.projects.common.SqlArrays;
import org.socialwork.projects.replica.Replicas;
import org.socialwork.projects.replica.StationAccess;

import com.fasterxml.jackson.core.type.TypeReference;

@ApplicationScoped
public class NeedService {

    static final String KIND = "need";

    @Inject
    BusinessClock clock;

    @Inject
    NeedRepository needs;

    @Inject
    Replicas replicas;

    @Inject
    StationAccess stations;

    @Inject
    CallerScope caller;

    @Inject
    Outbox outbox;

    @Inject
    Json json;

    @Inject
    EntityManager em;

    @Transactional
    public NeedView intake(NeedIntakeRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER);
        if (replicas.regionLevel(request.regionCode()).isEmpty()) {
            throw Problems.rule("need.region.unknown", request.regionCode());
        }
        if (request.stationId() != null) {
            writableStation(request.stationId());
        } else if (!caller.hasRole(Roles.PLATFORM_ADMIN)
                && !(caller.hasRole(Roles.BUREAU_ADMIN) && caller.coversRegion(request.regionCode()))) {
            throw Problems.forbidden("resource.forbidden.region", request.regionCode());
        }
        if (request.clientId() != null && em.createNativeQuery("select 1 from client where id = ?1")
                .setParameter(1, request.clientId()).getResultList().isEmpty()) {
            throw Problems.rule("need.client.unknown", request.clientId());
        }
        Need n = new Need();
        n.id = UUID.randomUUID();
        n.source = request.source();
        n.category = request.category().strip();
        n.description = request.description().strip();
        n.regionCode = request.regionCode();
        n.clientId = request.clientId();
        n.stationId = request.stationId();
        n.status = NeedStatus.RECEIVED;
        n.receivedOn = clock.today();
        n.answeredBy = json.write(List.of());
        n.createdAt = clock.now();
        n.updatedAt = n.createdAt;
        needs.persist(n);
        needs.flush();
        return publish(n);
    }

    @Transactional
    public NeedView get(UUID id) {
        return view(readable(id));
    }

    @Transactional
    public NeedView triage(UUID id, String ifMatch, NeedTriageRequest request) {
        Need n = writable(id, ifMatch);
        move(n, Set.of(NeedStatus.RECEIVED, NeedStatus.TRIAGED), NeedStatus.TRIAGED);
        n.priority = request.priority();
        if (request.category() != null && !request.category().isBlank()) {
            n.category = request.category().strip();
        }
        return touch(n);
    }

    @Transactional
    public NeedView dispatch(UUID id, String ifMatch, NeedDispatchRequest request) {
        Need n = writable(id, ifMatch);
        // Every query runs before the entity changes: a query would flush it and bump the version twice.
        requireStatus(n, Set.of(NeedStatus.RECEIVED, NeedStatus.TRIAGED, NeedStatus.DISPATCHED), NeedStatus.DISPATCHED);
        Replicas.Station station = writableStation(request.stationId());
        if (!em.createNativeQuery("""
                select 1 from assignment_replica where worker_id = ?1 and station_id = ?2 and status = 'ACTIVE'""")
                .setParameter(1, request.workerId()).setParameter(2, station.id()).getResultList().isEmpty()) {
            n.status = NeedStatus.DISPATCHED;
            n.stationId = station.id();
            n.workerId = request.workerId();
            n.dueOn = request.dueOn();
            return touch(n);
        }
        throw Problems.rule("need.dispatch.worker", request.workerId(), station.name());
    }

    @Transactional
    public NeedView close(UUID id, String ifMatch, NeedClosureRequest request) {
        Need n = writable(id, ifMatch);
        requireStatus(n, Set.of(NeedStatus.DISPATCHED), NeedStatus.CLOSED);
        List<UUID> ids = request.recordIds().stream().distinct().toList();
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("""
                select id from service_record where id = any(cast(?1 as uuid[])) and (need_id is null or need_id = ?2)""")
                .setParameter(1, SqlArrays.uuids(ids)).setParameter(2, n.id).getResultList();
        for (UUID record : ids) {
            if (!found.contains(record)) {
                throw Problems.rule("need.close.record.unknown", record);
            }
        }
        n.status = NeedStatus.CLOSED;
        n.answeredBy = json.write(ids);
        n.closedAt = clock.now();
        return touch(n);
    }

    @Transactional
    public List<Need> list(UUID workerId, NeedStatus status, PageRequest page) {
        // Needs are casework of the bureaus and the stations: evaluators and dashboards may not list them.
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN,
                Roles.FIELD_WORKER);
        NativeSql sql = new NativeSql().append("select n.* from need n where (");
        stations.appendScope(sql, "n.station_id");
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.region().isPresent()) {
            sql.appendInSubtree(" or ", "n.region_code", "needRegion", caller.region().get());
        }
        sql.append(")");
        if (workerId != null) {
            sql.append(" and n.worker_id = :worker", "worker", workerId);
        }
        if (status != null) {
            sql.append(" and n.status = :status", "status", status.name());
        }
        sql.appendChangeFeedPage("n", page.cursor(), page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Need> rows = sql.bindTo(em.createNativeQuery(sql.sql(), Need.class)).getResultList();
        return rows;
    }

    static Cursor cursorOf(Need n) {
        return Persistence.changeFeedCursor(n.updatedAt, n.id);
    }

    private void move(Need n, Set<NeedStatus> from, NeedStatus to) {
        requireStatus(n, from, to);
        n.status = to;
    }

    private static void requireStatus(Need n, Set<NeedStatus> from, NeedStatus to) {
        if (!from.contains(n.status)) {
            throw Problems.rule("need.transition.illegal", n.status, to);
        }
    }

    private Need readable(UUID id) {
        Need n = needs.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        boolean visible = caller.isPlatformAdmin()
                || caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.coversRegion(n.regionCode)
                || n.stationId != null && replicas.station(n.stationId).map(stations::canRead).orElse(false);
        if (!visible) {
            throw Problems.notFound(KIND, id);
        }
        return n;
    }

    private Need writable(UUID id, String ifMatch) {
        Need n = readable(id);
        Preconditions.requireIfMatch(ifMatch, n.version);
        boolean allowed = caller.isPlatformAdmin()
                || caller.hasRole(Roles.BUREAU_ADMIN) && caller.coversRegion(n.regionCode)
                || n.stationId != null && replicas.station(n.stationId).map(stations::canWrite).orElse(false);
        if (!allowed) {
            throw Problems.forbidden("need.forbidden.station", String.valueOf(n.stationId));
        }
        return n;
    }

    private Replicas.Station writableStation(UUID stationId) {
        Replicas.Station station = replicas.station(stationId)
                .orElseThrow(() -> Problems.rule("record.station.unknown", stationId));
        if (!stations.canWrite(station)) {
            throw Problems.forbidden("need.forbidden.station", station.name());
        }
        return station;
    }

    private NeedView touch(Need n) {
        n.updatedAt = clock.now();
        needs.flush();
        return publish(n);
    }

    private NeedView publish(Need n) {
        NeedView view = view(n);
        outbox.append(NeedChangedEvent.TOPIC, NeedChangedEvent.TYPE, n.id.toString(), NeedChangedEvent.of(view));
        return view;
    }

    public NeedView view(Need n) {
        return new NeedView(n.id, n.version, n.source, n.category, n.description, n.regionCode, n.clientId, n.stationId,
                n.workerId, n.priority, n.status, n.receivedOn, n.dueOn, n.closedAt,
                json.read(n.answeredBy, new TypeReference<List<UUID>>() {
                }), n.createdAt, n.updatedAt);
    }
}
