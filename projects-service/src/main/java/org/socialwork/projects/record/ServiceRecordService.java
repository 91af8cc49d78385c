package org.socialwork.projects.record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.problem.ProblemException;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.sql.Persistence;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.projects.ProjectsConfig;
import org.socialwork.projects.catalogue.CatalogueService;
import org.socialwork.projects.common.Json;
import org.socialwork.projects.common.SqlArrays;
import org.socialwork.projects.period.PeriodLocks;
import org.socialwork.projects.replica.Replicas;
import org.socialwork.projects.replica.StationAccess;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Records services from the field. A batch is checked in memory against replicas loaded with a
 * handful of queries, then inserted together with its outbox rows by one set-based statement
 * ({@code INSERT ... ON CONFLICT (id) DO NOTHING}): an id seen before creates nothing and
 * publishes nothing, so a phone may resend a batch as often as its network makes it.
 */
@ApplicationScoped
public class ServiceRecordService {

    static final String KIND = "service record";
    /** How far in the future a phone's clock may put a record before it is refused. */
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(10);

    @Inject
    BusinessClock clock;

    @Inject
    ServiceRecordRepository records;

    @Inject
    Replicas replicas;

    @Inject
    StationAccess stations;

    @Inject
    CatalogueService catalogue;

    @Inject
    PeriodLocks locks;

    @Inject
    CallerScope caller;

    @Inject
    Outbox outbox;

    @Inject
    Json json;

    @Inject
    ProjectsConfig config;

    @Inject
    EntityManager em;

    /** What became of one record of a batch; {@code refusal} says why it was refused. */
    public record Outcome(UUID id, BatchResult.Status status, Integer revision, ProblemException refusal) {
    }

    /** Filters of the record list. */
    public record Filter(UUID stationId, UUID projectId, UUID clientId, OffsetDateTime from, OffsetDateTime to,
            OffsetDateTime updatedSince) {
    }

    private record ProjectRef(String status, Set<UUID> stationIds) {
    }

    /** Replicas and locks needed to check a set of records, loaded once. */
    private final class Context {
        Map<UUID, Replicas.Station> stationsById;
        Map<UUID, Replicas.Worker> workersById;
        Map<UUID, ProjectRef> projectsById;
        Set<UUID> knownClients;
        Map<String, String> categories;
        PeriodLocks.Snapshot locks;
    }

    /** A record that passed every check, ready to store. */
    private record Checked(ServiceRecordRequest request, Replicas.Station station, List<UUID> workerIds,
            List<UUID> clientIds, int participantCount, List<String> serviceItems, List<String> categories) {
    }

    @Transactional
    public List<Outcome> record(List<ServiceRecordRequest> requests) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER);
        if (requests.size() > config.sync().batchLimit()) {
            throw Problems.invalidField("records", "record.batch.too-large", config.sync().batchLimit());
        }
        Outcome[] outcomes = new Outcome[requests.size()];
        Set<UUID> seen = new HashSet<>();
        List<UUID> ids = requests.stream().map(ServiceRecordRequest::id).toList();
        Map<UUID, Integer> existing = revisions(ids);
        List<ServiceRecordRequest> fresh = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ServiceRecordRequest r = requests.get(i);
            if (!seen.add(r.id())) {
                outcomes[i] = new Outcome(r.id(), BatchResult.Status.REFUSED, null,
                        Problems.invalidField("records[" + i + "].id", "record.batch.duplicate-id", r.id()));
            } else if (existing.containsKey(r.id())) {
                outcomes[i] = new Outcome(r.id(), BatchResult.Status.UNCHANGED, existing.get(r.id()), null);
            } else {
                fresh.add(r);
            }
        }
        Context context = context(fresh);
        Map<UUID, Checked> accepted = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            ServiceRecordRequest r = requests.get(i);
            try {
                accepted.put(r.id(), check(r, context));
            } catch (ProblemException e) {
                outcomes[i] = new Outcome(r.id(), BatchResult.Status.REFUSED, null, e);
            }
        }
        Set<UUID> created = insert(accepted.values());
        Map<UUID, Integer> raced = revisions(accepted.keySet().stream().filter(id -> !created.contains(id)).toList());
        for (int i = 0; i < requests.size(); i++) {
            if (outcomes[i] == null) {
                UUID id = requests.get(i).id();
                outcomes[i] = created.contains(id) ? new Outcome(id, BatchResult.Status.CREATED, 1, null)
                        : new Outcome(id, BatchResult.Status.UNCHANGED, raced.get(id), null);
            }
        }
        return Arrays.asList(outcomes);
    }

    /** One record: stored (or found) and read back in the same transaction. */
    public record Single(BatchResult.Status status, ServiceRecordView view) {
    }

    @Transactional
    public Single recordOne(ServiceRecordRequest request) {
        Outcome outcome = record(List.of(request)).get(0);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return new Single(outcome.status(), view(readable(outcome.id())));
    }

    @Transactional
    public ServiceRecordView get(UUID id) {
        return view(readable(id));
    }

    @Transactional
    public ServiceRecordView correct(UUID id, String ifMatch, ServiceRecordCorrection correction) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER);
        ServiceRecord r = records.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(this::canSee).orElseThrow(() -> Problems.notFound(KIND, id));
        Preconditions.requireIfMatch(ifMatch, r.revision);
        locks.requireOpen(r.id, r.stationId, r.stationRegionCode, r.occurredAt);
        ServiceRecordRequest request = correction.asRequest(r.id, r.stationId);
        Checked c = check(request, context(List.of(request)));
        r.type = request.type();
        r.occurredAt = request.occurredAt();
        r.durationMinutes = request.durationMinutes();
        r.projectId = request.projectId();
        r.workerIds = c.workerIds().toArray(UUID[]::new);
        r.clientIds = c.clientIds().toArray(UUID[]::new);
        r.participantCount = c.participantCount();
        r.serviceItems = json.write(c.serviceItems());
        r.serviceItemCategories = json.write(c.categories());
        r.caseId = request.caseId();
        r.needId = request.needId();
        r.latitude = request.position() == null ? null : request.position().latitude();
        r.longitude = request.position() == null ? null : request.position().longitude();
        r.notes = blankToNull(request.notes());
        r.revision++;
        r.updatedAt = clock.now();
        records.flush();
        outbox.append(ServiceRecordEvent.TOPIC, ServiceRecordEvent.CORRECTED, r.id.toString(), event(r));
        return view(r);
    }

    @Transactional
    public List<ServiceRecord> list(Filter filter, PageRequest page) {
        // Evaluators and dashboards see service figures as aggregates, never the records themselves.
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN,
                Roles.FIELD_WORKER);
        NativeSql sql = new NativeSql().append("select r.* from service_record r where ");
        scope(sql);
        if (filter.stationId() != null) {
            sql.append(" and r.station_id = :station", "station", filter.stationId());
        }
        if (filter.projectId() != null) {
            sql.append(" and r.project_id = :project", "project", filter.projectId());
        }
        if (filter.clientId() != null) {
            sql.append(" and r.client_ids @> array[cast(:client as uuid)]", "client", filter.clientId());
        }
        if (filter.from() != null) {
            sql.append(" and r.occurred_at >= :from", "from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and r.occurred_at < :to", "to", filter.to());
        }
        sql.appendChangeFeedPage("r", filter.updatedSince(), page.cursor(), page.fetchSize());
        @SuppressWarnings("unchecked")
        List<ServiceRecord> rows = sql.bindTo(em.createNativeQuery(sql.sql(), ServiceRecord.class)).getResultList();
        return rows;
    }

    static Cursor cursorOf(ServiceRecord r) {
        return Persistence.changeFeedCursor(r.updatedAt, r.id);
    }

    /** Field workers see their own records; the others the records of the stations in their scope. */
    public void scope(NativeSql sql) {
        sql.append("(");
        if (ownRecordsOnly()) {
            // As for a single read: a colleague's record at the same station is not the worker's to list.
            sql.append("false");
        } else {
            stations.appendScope(sql, "r.station_id");
        }
        if (caller.hasRole(Roles.FIELD_WORKER) && caller.worker().isPresent()) {
            sql.append(" or r.worker_ids @> array[cast(:ownWorker as uuid)]", "ownWorker", caller.worker().get());
        }
        sql.append(")");
    }

    ServiceRecord readable(UUID id) {
        return records.findByIdOptional(id).filter(this::canSee).orElseThrow(() -> Problems.notFound(KIND, id));
    }

    private boolean canSee(ServiceRecord r) {
        if (caller.hasRole(Roles.FIELD_WORKER) && caller.worker().isPresent()
                && Arrays.asList(r.workerIds).contains(caller.worker().get())) {
            return true;
        }
        if (ownRecordsOnly()) {
            return false;
        }
        return replicas.station(r.stationId).map(stations::canRead).orElse(caller.isPlatformAdmin());
    }

    /** A field worker without another role reaches its own records only. */
    private boolean ownRecordsOnly() {
        return caller.hasRole(Roles.FIELD_WORKER) && !caller.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN,
                Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN);
    }

    private Context context(List<ServiceRecordRequest> requests) {
        Context c = new Context();
        c.stationsById = replicas.stations(requests.stream().map(ServiceRecordRequest::stationId).distinct().toList());
        c.workersById = replicas.workers(requests.stream()
                .flatMap(r -> r.workerIds() == null ? java.util.stream.Stream.empty() : r.workerIds().stream())
                .distinct().toList());
        c.projectsById = projects(requests.stream().map(ServiceRecordRequest::projectId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        c.knownClients = clients(requests.stream()
                .flatMap(r -> r.clientIds() == null ? java.util.stream.Stream.empty() : r.clientIds().stream())
                .distinct().toList());
        c.categories = catalogue.categories();
        c.locks = locks.snapshot(c.stationsById.values().stream().map(Replicas.Station::regionCode).distinct().toList(),
                requests.stream().map(ServiceRecordRequest::id).toList(), c.stationsById.keySet());
        return c;
    }

    private Checked check(ServiceRecordRequest r, Context c) {
        Replicas.Station station = c.stationsById.get(r.stationId());
        if (station == null) {
            throw Problems.rule("record.station.unknown", r.stationId());
        }
        if (!stations.canWrite(station)) {
            throw Problems.notFound("station", r.stationId());
        }
        if (r.occurredAt().isAfter(clock.now().plus(CLOCK_SKEW))) {
            throw Problems.invalidField("occurredAt", "record.occurred-at.future");
        }
        List<UUID> workerIds = r.workerIds() == null ? List.of() : r.workerIds().stream().distinct().toList();
        if (caller.hasRole(Roles.FIELD_WORKER) && caller.worker().isPresent()) {
            UUID me = caller.worker().get();
            if (workerIds.isEmpty()) {
                workerIds = List.of(me);
            } else if (!workerIds.contains(me) && !caller.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN,
                    Roles.AGENCY_ADMIN)) {
                throw Problems.forbidden("record.forbidden.not-own");
            }
        }
        if (workerIds.isEmpty()) {
            throw Problems.invalidField("workerIds", "record.workers.required");
        }
        for (UUID w : workerIds) {
            if (!c.workersById.containsKey(w) && !(caller.worker().isPresent() && caller.worker().get().equals(w))) {
                throw Problems.rule("record.worker.unknown", w);
            }
        }
        List<UUID> clientIds = r.clientIds() == null ? List.of() : r.clientIds().stream().distinct().toList();
        if (r.type().needsClients() && clientIds.isEmpty()) {
            throw Problems.invalidField("clientIds", "record.clients.required", r.type());
        }
        for (UUID client : clientIds) {
            if (!c.knownClients.contains(client)) {
                throw Problems.rule("record.client.unknown", client);
            }
        }
        int participants = Math.max(r.participantCount() == null ? 0 : r.participantCount(), clientIds.size());
        if (participants < 1) {
            throw Problems.invalidField("participantCount", "record.participants.required");
        }
        if (r.projectId() != null) {
            ProjectRef project = c.projectsById.get(r.projectId());
            if (project == null) {
                throw Problems.rule("record.project.unknown", r.projectId());
            }
            if (!"IN_SERVICE".equals(project.status())) {
                throw Problems.rule("record.project.not-in-service", r.projectId(), project.status());
            }
            if (!project.stationIds().contains(station.id())) {
                throw Problems.rule("record.project.station", station.name());
            }
        }
        List<String> items = r.serviceItems().stream().distinct().toList();
        List<String> categories = new ArrayList<>();
        for (String item : items) {
            String category = c.categories.get(item);
            if (category == null) {
                throw Problems.rule("catalogue.code.unknown", item);
            }
            if (!categories.contains(category)) {
                categories.add(category);
            }
        }
        c.locks.requireOpen(r.id(), station.id(), station.regionCode(), r.occurredAt());
        return new Checked(r, station, workerIds, clientIds, participants, items, categories);
    }

    /** Inserts the records and their outbox rows in one statement; returns the ids actually inserted. */
    private Set<UUID> insert(java.util.Collection<Checked> accepted) {
        if (accepted.isEmpty()) {
            return Set.of();
        }
        OffsetDateTime now = clock.now();
        List<Map<String, Object>> rows = new ArrayList<>(accepted.size());
        for (Checked c : accepted) {
            ServiceRecordRequest r = c.request();
            Map<String, Object> row = new HashMap<>();
            row.put("id", r.id());
            row.put("type", r.type().name());
            row.put("occurred_at", r.occurredAt());
            row.put("duration_minutes", r.durationMinutes());
            row.put("station_id", c.station().id());
            row.put("station_region_code", c.station().regionCode());
            row.put("project_id", r.projectId());
            row.put("worker_ids", c.workerIds());
            row.put("client_ids", c.clientIds());
            row.put("participant_count", c.participantCount());
            row.put("service_items", c.serviceItems());
            row.put("service_item_categories", c.categories());
            row.put("case_id", r.caseId());
            row.put("need_id", r.needId());
            row.put("latitude", r.position() == null ? null : r.position().latitude());
            row.put("longitude", r.position() == null ? null : r.position().longitude());
            row.put("notes", blankToNull(r.notes()));
            row.put("event_id", UUID.randomUUID());
            row.put("payload", new ServiceRecordEvent(r.id(), 1, r.type(), r.occurredAt(), r.durationMinutes(),
                    c.station().id(), c.station().regionCode(), r.projectId(), c.workerIds(), c.clientIds(),
                    c.participantCount(), c.serviceItems(), c.categories(), r.caseId(), r.needId(), now));
            rows.add(row);
        }
        @SuppressWarnings("unchecked")
        List<String> keys = em.createNativeQuery("""
                with input as (
                    select * from jsonb_to_recordset(cast(:rows as jsonb)) as r(
                        id uuid, type text, occurred_at timestamptz, duration_minutes integer, station_id uuid,
                        station_region_code text, project_id uuid, worker_ids uuid[], client_ids uuid[],
                        participant_count integer, service_items jsonb, service_item_categories jsonb, case_id uuid,
                        need_id uuid, latitude double precision, longitude double precision, notes text,
                        event_id uuid, payload jsonb)
                ), inserted as (
                    insert into service_record (id, revision, type, occurred_at, duration_minutes, station_id,
                        station_region_code, project_id, worker_ids, client_ids, participant_count, service_items,
                        service_item_categories, case_id, need_id, latitude, longitude, notes, recorded_by,
                        recorded_at, updated_at)
                    select id, 1, type, occurred_at, duration_minutes, station_id, station_region_code, project_id,
                        worker_ids, client_ids, participant_count, service_items, service_item_categories, case_id,
                        need_id, latitude, longitude, notes, :by, :now, :now
                    from input
                    on conflict (id) do nothing
                    returning id
                ), published as (
                    insert into outbox_event (id, topic, event_key, event_type, source, occurred_at, payload,
                        next_attempt_at)
                    select i.event_id, :topic, cast(i.id as text), :type, :source, :now, i.payload, :now
                    from input i join inserted n on n.id = i.id
                    returning event_key
                )
                select event_key from published""")
                .setParameter("rows", json.write(rows))
                .setParameter("by", caller.subject())
                .setParameter("now", now)
                .setParameter("topic", ServiceRecordEvent.TOPIC)
                .setParameter("type", ServiceRecordEvent.RECORDED)
                .setParameter("source", outbox.source())
                .getResultList();
        Set<UUID> created = new HashSet<>();
        for (String key : keys) {
            created.add(UUID.fromString(key));
        }
        return created;
    }

    private Map<UUID, Integer> revisions(List<UUID> ids) {
        Map<UUID, Integer> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, revision from service_record where id = any(cast(?1 as uuid[]))")
                .setParameter(1, SqlArrays.uuids(ids)).getResultList();
        for (Object[] r : rows) {
            found.put((UUID) r[0], ((Number) r[1]).intValue());
        }
        return found;
    }

    private Map<UUID, ProjectRef> projects(List<UUID> ids) {
        Map<UUID, ProjectRef> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select id, status, cast(station_ids as text) from project where id = any(cast(?1 as uuid[]))")
                .setParameter(1, SqlArrays.uuids(ids)).getResultList();
        for (Object[] r : rows) {
            found.put((UUID) r[0], new ProjectRef((String) r[1], new HashSet<>(json.read((String) r[2],
                    new TypeReference<List<UUID>>() {
                    }))));
        }
        return found;
    }

    private Set<UUID> clients(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery("select id from client where id = any(cast(?1 as uuid[]))")
                .setParameter(1, SqlArrays.uuids(ids)).getResultList();
        return new HashSet<>(rows);
    }

    ServiceRecordEvent event(ServiceRecord r) {
        return new ServiceRecordEvent(r.id, r.revision, r.type, r.occurredAt, r.durationMinutes, r.stationId,
                r.stationRegionCode, r.projectId, List.of(r.workerIds), List.of(r.clientIds), r.participantCount,
                strings(r.serviceItems), strings(r.serviceItemCategories), r.caseId, r.needId, r.updatedAt);
    }

    public ServiceRecordView view(ServiceRecord r) {
        return new ServiceRecordView(r.id, r.revision, r.type, r.occurredAt, r.durationMinutes, r.stationId,
                r.stationRegionCode, r.projectId, List.of(r.workerIds), List.of(r.clientIds), r.participantCount,
                strings(r.serviceItems), r.caseId, r.needId,
                r.latitude == null ? null : new Position(r.latitude, r.longitude), r.notes, r.recordedBy, r.recordedAt,
                r.updatedAt);
    }

    private List<String> strings(String jsonArray) {
        return json.read(jsonArray, new TypeReference<List<String>>() {
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
