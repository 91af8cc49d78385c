package org.socialwork.stations.station;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;
import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.problem.Problem;
import org.socialwork.platform.problem.ProblemException;
import org.socialwork.platform.problem.ProblemResponses;
import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.Persistence;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.stations.StationsConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bulk upsert of stations by the caller's external id (issue 16), for a province migrating its
 * network from an old system. Each item goes through the rules of the single operations, in order
 * (create or update, then the standard, then each transition on the way to its status), by calling
 * the same {@link StationService} methods on a working copy; the stations the batch has already
 * changed answer the rules' look-ups first, so that items see each other as if sent one by one.
 * Every accepted change is then written set-based in the same transaction, one statement each for
 * the stations, their transitions and their outbox rows, with one event per step and its version,
 * exactly as the single operations would have published them. An item already as sent writes and
 * publishes nothing.
 */
@ApplicationScoped
public class StationBatchService {

    private static final Logger LOG = Logger.getLogger(StationBatchService.class);

    static final String PLATFORM_SCOPE = "platform";

    @Inject
    StationService service;

    @Inject
    StationRepository stations;

    @Inject
    org.socialwork.stations.region.RegionRepository regions;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Inject
    Outbox outbox;

    @Inject
    StationsConfig config;

    /** One accepted item's change: the station as it ends, its new transitions and its events in order. */
    private record Change(Station station, boolean created, List<StationTransition> transitions,
            List<StationChangedEvent> events) {
    }

    /**
     * Stations the batch has changed so far, consulted by the rules before the stored ones. The open
     * township stations and county hubs of the batch's regions are read once, at the start, from the
     * rows as they stand: a creation racing the batch is caught by the unique index when it writes.
     */
    private final class Pending implements StationService.Lookups {
        final Map<UUID, Station> byId = new LinkedHashMap<>();
        final Map<String, Station> byExternalId = new HashMap<>();
        final Map<String, List<Station>> byRegion = new HashMap<>();
        final Map<String, List<UUID>> storedOpen;
        final List<Change> changes = new ArrayList<>();

        Pending(Map<String, List<UUID>> storedOpen) {
            this.storedOpen = storedOpen;
        }

        void accept(Change change) {
            Station s = change.station();
            if (byId.put(s.id, s) == null) {
                byRegion.computeIfAbsent(s.level + "|" + s.regionCode, k -> new ArrayList<>()).add(s);
            } else {
                byRegion.get(s.level + "|" + s.regionCode).replaceAll(p -> p.id.equals(s.id) ? s : p);
            }
            byExternalId.put(s.externalId, s);
            changes.add(change);
        }

        @Override
        public Optional<Station> station(UUID id) {
            Station pending = byId.get(id);
            return pending != null ? Optional.of(pending) : service.stored().station(id);
        }

        @Override
        public boolean openStationIn(StationLevel level, String regionCode) {
            String key = level + "|" + regionCode;
            for (Station s : byRegion.getOrDefault(key, List.of())) {
                if (s.status != StationStatus.CLOSED) {
                    return true;
                }
            }
            List<UUID> stored = storedOpen.get(key);
            if (stored == null) {
                return service.stored().openStationIn(level, regionCode);
            }
            return stored.stream().anyMatch(id -> !byId.containsKey(id));
        }

        @Override
        public long openChildren(UUID parentId) {
            long pending = byId.values().stream()
                    .filter(s -> parentId.equals(s.parentId) && s.status != StationStatus.CLOSED).count();
            return pending + stations.openChildIds(parentId).stream().filter(id -> !byId.containsKey(id)).count();
        }
    }

    /**
     * Reads the batch's regions into the persistence context, so that the rules' look-ups by code
     * find them there, and returns the open township stations and county hubs in them by level and
     * region: two statements instead of two per item.
     */
    private Map<String, List<UUID>> preload(StationBatchItem[] items) {
        Set<String> codes = new HashSet<>();
        for (StationBatchItem item : items) {
            if (item != null && item.regionCode() != null) {
                codes.add(item.regionCode());
            }
        }
        Map<String, List<UUID>> open = new HashMap<>();
        if (codes.isEmpty()) {
            return open;
        }
        regions.list("code in ?1", codes);
        for (String code : codes) {
            for (StationLevel level : List.of(StationLevel.TOWNSHIP_STATION, StationLevel.COUNTY_HUB)) {
                open.put(level + "|" + code, new ArrayList<>());
            }
        }
        List<Object[]> rows = em.createQuery("""
                select s.id, s.level, s.regionCode from Station s
                where s.regionCode in :codes and s.level in :levels and s.status <> :closed""", Object[].class)
                .setParameter("codes", codes)
                .setParameter("levels", List.of(StationLevel.TOWNSHIP_STATION, StationLevel.COUNTY_HUB))
                .setParameter("closed", StationStatus.CLOSED)
                .getResultList();
        for (Object[] row : rows) {
            open.get(row[1] + "|" + row[2]).add((UUID) row[0]);
        }
        return open;
    }

    @Transactional
    public StationBatchResult run(List<JsonNode> items, Locale locale, String instance) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        int max = config.batch().maxItems();
        if (items.size() > max) {
            throw Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "station.batch.too-large", items.size(), max);
        }
        String scope = externalScope();
        long started = System.nanoTime();
        int n = items.size();
        StationBatchItem[] parsed = new StationBatchItem[n];
        ProblemException[] refusals = new ProblemException[n];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            try {
                parsed[i] = parse(i, items.get(i));
                if (!seen.add(parsed[i].externalId())) {
                    throw Problems.invalidField("items[" + i + "].externalId", "station.batch.duplicate-external-id",
                            parsed[i].externalId());
                }
            } catch (ProblemException e) {
                refusals[i] = e;
            }
        }
        Set<String> keys = new HashSet<>();
        for (StationBatchItem item : parsed) {
            if (item != null) {
                keys.add(item.externalId());
                if (item.parentExternalId() != null) {
                    keys.add(item.parentExternalId());
                }
            }
        }
        Map<String, Station> existing = existing(scope, keys);
        Map<UUID, LocalDate> lastEffective = lastEffective(existing.values());
        Pending pending = new Pending(preload(parsed));
        Change[] changes = new Change[n];
        for (int i = 0; i < n; i++) {
            if (refusals[i] != null) {
                continue;
            }
            try {
                changes[i] = apply(parsed[i], scope, existing, lastEffective, pending);
                if (changes[i] != null) {
                    pending.accept(changes[i]);
                }
            } catch (ProblemException e) {
                refusals[i] = e;
            }
        }
        long checked = System.nanoTime();
        write(pending.changes);
        long written = System.nanoTime();
        List<StationBatchResult.ItemResult> results = new ArrayList<>(n);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int refused = 0;
        for (int i = 0; i < n; i++) {
            String externalId = parsed[i] == null ? null : parsed[i].externalId();
            if (refusals[i] != null) {
                refused++;
                Problem problem = ProblemResponses.document(refusals[i], locale, instance + "#items/" + i);
                results.add(new StationBatchResult.ItemResult(i, externalId, StationBatchResult.Outcome.REFUSED, null, null,
                        problem));
            } else if (changes[i] == null) {
                unchanged++;
                Station s = existing.get(externalId);
                results.add(new StationBatchResult.ItemResult(i, externalId, StationBatchResult.Outcome.UNCHANGED, s.id,
                        s.version, null));
            } else {
                Station s = changes[i].station();
                StationBatchResult.Outcome outcome;
                if (changes[i].created()) {
                    created++;
                    outcome = StationBatchResult.Outcome.CREATED;
                } else {
                    updated++;
                    outcome = StationBatchResult.Outcome.UPDATED;
                }
                results.add(new StationBatchResult.ItemResult(i, externalId, outcome, s.id, s.version, null));
            }
        }
        LOG.infof("station batch of %d items: %d created, %d updated, %d unchanged, %d refused; %d events; checked in %d ms, "
                + "written in %d ms", n, created, updated, unchanged, refused,
                pending.changes.stream().mapToInt(c -> c.events().size()).sum(), (checked - started) / 1_000_000,
                (written - checked) / 1_000_000);
        return new StationBatchResult(created, updated, unchanged, refused, results);
    }

    /** The key space of the caller's external ids: a bureau's region, or the platform's. */
    private String externalScope() {
        if (caller.isPlatformAdmin()) {
            return PLATFORM_SCOPE;
        }
        return "region:" + caller.region().orElseThrow(() -> Problems.forbidden("station.forbidden.region", "-"));
    }

    /** One item read on its own: a malformed one is refused here and the others go on. */
    private StationBatchItem parse(int index, JsonNode node) {
        String at = "items[" + index + "]";
        if (node == null || node.isNull()) {
            throw Problems.invalidField(at, "station.batch.item-required");
        }
        StationBatchItem item;
        try {
            item = mapper.treeToValue(node, StationBatchItem.class);
        } catch (UnrecognizedPropertyException e) {
            String field = at + path(e);
            return refuse(ProblemType.UNKNOWN_FIELD, "problem.unknown-field.field", field);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = at + (e instanceof JsonMappingException m ? path(m) : "");
            return refuse(ProblemType.VALIDATION, "problem.malformed-request.field", field);
        }
        Set<ConstraintViolation<StationBatchItem>> violations = validator.validate(item);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError(at + "." + v.getPropertyPath(), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                    .toList();
            throw new ProblemException(ProblemType.VALIDATION, "problem.validation.detail", new Object[0], errors);
        }
        if (item.parentId() != null && item.parentExternalId() != null) {
            throw Problems.invalidField(at + ".parentExternalId", "station.batch.parent-twice");
        }
        return new StationBatchItem(item.externalId().strip(), item.name(), item.level(), item.regionCode(),
                item.parentId(), item.parentExternalId() == null ? null : item.parentExternalId().strip(), item.address(),
                item.contactNote(), item.establishedOn(), item.facilities(), item.designations(), item.operationMode(),
                item.agencyId(), item.position(), item.standard(), item.status());
    }

    private static StationBatchItem refuse(ProblemType type, String key, String field) {
        throw new ProblemException(type, key, new Object[] {field}, List.of(new Problem.FieldError(field, null)));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The caller's stations named by {@code keys}, locked against concurrent changes and detached: the batch writes them itself. */
    private Map<String, Station> existing(String scope, Set<String> keys) {
        Map<String, Station> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<Station> rows = em.createQuery("from Station s where s.externalScope = :scope and s.externalId in :keys",
                Station.class).setParameter("scope", scope).setParameter("keys", keys)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (Station s : rows) {
            em.detach(s);
            found.put(s.externalId, s);
        }
        return found;
    }

    /** The effective date of each station's last transition (the backdating rule compares with it). */
    private Map<UUID, LocalDate> lastEffective(Collection<Station> of) {
        Map<UUID, LocalDate> last = new HashMap<>();
        if (of.isEmpty()) {
            return last;
        }
        List<Object[]> rows = em.createQuery("""
                select t.stationId, t.effectiveDate, t.changedAt from StationTransition t where t.stationId in :ids
                order by t.stationId, t.changedAt, t.id""", Object[].class)
                .setParameter("ids", of.stream().map(s -> s.id).toList()).getResultList();
        for (Object[] row : rows) {
            last.put((UUID) row[0], (LocalDate) row[1]);
        }
        return last;
    }

    /** Applies one item to a working copy through the single operations' rules; null when nothing changes. */
    private Change apply(StationBatchItem item, String scope, Map<String, Station> existing,
            Map<UUID, LocalDate> lastEffective, Pending pending) {
        UUID parentId = item.parentId();
        if (item.parentExternalId() != null) {
            Station parent = pending.byExternalId.get(item.parentExternalId());
            if (parent == null) {
                parent = existing.get(item.parentExternalId());
            }
            if (parent == null) {
                throw Problems.rule("station.batch.parent-unknown", item.parentExternalId());
            }
            parentId = parent.id;
        }
        OffsetDateTime now = clock.now();
        LocalDate today = clock.today();
        Station stored = existing.get(item.externalId());
        List<StationChangedEvent> events = new ArrayList<>();
        List<StationTransition> transitions = new ArrayList<>();
        Station station;
        LocalDate previous;
        if (stored == null) {
            station = service.plan(item.toCreate(parentId), pending);
            station.externalScope = scope;
            station.externalId = item.externalId();
            station.version = 0;
            station.createdAt = now;
            station.updatedAt = now;
            events.add(service.event(station, today));
            previous = null;
        } else {
            station = copy(stored);
            previous = lastEffective.get(stored.id);
            if (station.level != item.level() || !station.regionCode.equals(item.regionCode())) {
                throw Problems.rule("station.batch.fixed", item.externalId(), station.level, station.regionCode);
            }
            LocalDate established = item.establishedOn() != null ? item.establishedOn() : stored.establishedOn;
            StationUpdateRequest update = item.toUpdate(parentId, established);
            Station scratch = copy(stored);
            service.writeProfile(scratch, update.name(), update.parentId(), update.address(), update.contactNote(),
                    update.establishedOn(), update.facilities(), update.designations(), update.operationMode(),
                    update.agencyId(), update.position());
            if (!profile(scratch).equals(profile(stored))) {
                service.revise(station, update, pending);
                step(station, now, today, events);
            }
        }
        if (item.standard() != null && !item.standard().equals(service.standard(station))) {
            service.assess(station, item.standard());
            step(station, now, today, events);
        }
        TransitionRequest target = item.status();
        if (target != null && target.to() != station.status) {
            List<StationStatus> path = path(station.status, target.to());
            if (path.isEmpty()) {
                throw Problems.rule("station.transition.illegal", station.status, target.to());
            }
            for (StationStatus to : path) {
                LocalDate effective = target.effectiveDate();
                if (to == StationStatus.ESTABLISHED && to != target.to() && station.establishedOn != null
                        && station.establishedOn.isBefore(effective)) {
                    effective = station.establishedOn;
                }
                transitions.add(service.transit(station, new TransitionRequest(to, effective, target.reason()), previous,
                        pending));
                previous = effective;
                step(station, now, effective, events);
            }
        }
        if (events.isEmpty()) {
            return null;
        }
        return new Change(station, stored == null, transitions, events);
    }

    /** One more step of the single path: a new version and its snapshot. */
    private void step(Station station, OffsetDateTime now, LocalDate effectiveOn, List<StationChangedEvent> events) {
        station.version++;
        station.updatedAt = now;
        events.add(service.event(station, effectiveOn));
    }

    /** The shortest chain of allowed transitions from {@code from} to {@code to}; empty when there is none. */
    static List<StationStatus> path(StationStatus from, StationStatus to) {
        Map<StationStatus, StationStatus> cameFrom = new EnumMap<>(StationStatus.class);
        Deque<StationStatus> queue = new ArrayDeque<>(List.of(from));
        Set<StationStatus> visited = new HashSet<>(List.of(from));
        while (!queue.isEmpty()) {
            StationStatus at = queue.poll();
            if (at == to) {
                List<StationStatus> path = new ArrayList<>();
                for (StationStatus s = to; s != from; s = cameFrom.get(s)) {
                    path.add(0, s);
                }
                return path;
            }
            for (StationStatus next : at.next()) {
                if (visited.add(next)) {
                    cameFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    /** The profile as stored, with JSON columns read back, so that equal content compares equal. */
    private record Profile(String name, UUID parentId, String address, String contactNote, LocalDate establishedOn,
            BigDecimal floorAreaM2, Set<Room> rooms, Set<CoLocation> coLocations, List<Designation> designations,
            OperationMode operationMode, UUID agencyId, Double latitude, Double longitude, Crs crs) {
    }

    private Profile profile(Station s) {
        Facilities facilities = service.facilities(s);
        BigDecimal area = s.floorAreaM2 == null ? null : s.floorAreaM2.stripTrailingZeros();
        return new Profile(s.name, s.parentId, s.address, s.contactNote, s.establishedOn, area,
                facilities.rooms() == null ? Set.of() : Set.copyOf(facilities.rooms()),
                facilities.coLocations() == null ? Set.of() : Set.copyOf(facilities.coLocations()),
                service.designations(s), s.operationMode, s.agencyId, s.latitude, s.longitude, s.crs);
    }

    private static Station copy(Station s) {
        Station c = new Station();
        c.id = s.id;
        c.name = s.name;
        c.level = s.level;
        c.regionCode = s.regionCode;
        c.parentId = s.parentId;
        c.status = s.status;
        c.address = s.address;
        c.contactNote = s.contactNote;
        c.establishedOn = s.establishedOn;
        c.floorAreaM2 = s.floorAreaM2;
        c.rooms = s.rooms;
        c.coLocations = s.coLocations;
        c.designations = s.designations;
        c.operationMode = s.operationMode;
        c.agencyId = s.agencyId;
        c.latitude = s.latitude;
        c.longitude = s.longitude;
        c.crs = s.crs;
        c.wgsLat = s.wgsLat;
        c.wgsLon = s.wgsLon;
        c.standard = s.standard;
        c.meetsStandard = s.meetsStandard;
        c.version = s.version;
        c.externalScope = s.externalScope;
        c.externalId = s.externalId;
        c.createdAt = s.createdAt;
        c.updatedAt = s.updatedAt;
        return c;
    }

    /** Stations, transitions and outbox rows of the accepted items, one statement each. */
    private void write(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        ArrayNode rows = mapper.createArrayNode();
        // Updates first: a station closed by this batch frees its township before a new one takes it.
        changes.stream().filter(c -> !c.created()).forEach(c -> row(rows.addObject(), c.station()));
        changes.stream().filter(Change::created).forEach(c -> row(rows.addObject(), c.station()));
        try {
            em.createNativeQuery("""
                    insert into station as s (id, name, level, region_code, parent_id, status, address, contact_note,
                        established_on, floor_area_m2, rooms, co_locations, designations, operation_mode, agency_id,
                        latitude, longitude, crs, wgs_lat, wgs_lon, standard, meets_standard, version, external_scope,
                        external_id, created_at, updated_at)
                    select id, name, level, region_code, parent_id, status, address, contact_note, established_on,
                        floor_area_m2, rooms, co_locations, designations, operation_mode, agency_id, latitude, longitude,
                        crs, wgs_lat, wgs_lon, standard, meets_standard, version, external_scope, external_id, created_at,
                        updated_at
                    from rows from (jsonb_to_recordset(cast(:rows as jsonb)) as (id uuid, name text, level text,
                        region_code text, parent_id uuid, status text, address text, contact_note text,
                        established_on date, floor_area_m2 numeric, rooms jsonb, co_locations jsonb, designations jsonb,
                        operation_mode text, agency_id uuid, latitude double precision, longitude double precision,
                        crs text, wgs_lat double precision, wgs_lon double precision, standard jsonb,
                        meets_standard boolean, version bigint, external_scope text, external_id text,
                        created_at timestamptz, updated_at timestamptz)) with ordinality as r
                    order by r.ordinality
                    on conflict (id) do update set name = excluded.name, parent_id = excluded.parent_id,
                        status = excluded.status, address = excluded.address, contact_note = excluded.contact_note,
                        established_on = excluded.established_on, floor_area_m2 = excluded.floor_area_m2,
                        rooms = excluded.rooms, co_locations = excluded.co_locations, designations = excluded.designations,
                        operation_mode = excluded.operation_mode, agency_id = excluded.agency_id,
                        latitude = excluded.latitude, longitude = excluded.longitude, crs = excluded.crs,
                        wgs_lat = excluded.wgs_lat, wgs_lon = excluded.wgs_lon, standard = excluded.standard,
                        meets_standard = excluded.meets_standard, version = excluded.version,
                        updated_at = excluded.updated_at""")
                    .setParameter("rows", text(rows))
                    .executeUpdate();
        } catch (PersistenceException e) {
            // A single creation raced this batch for a township or county: the batch is resent as a whole.
            if (Persistence.violates(e, "station_one_township_station") || Persistence.violates(e, "station_one_county_hub")) {
                throw Problems.conflict("station.batch.raced");
            }
            throw e;
        }
        ArrayNode moves = mapper.createArrayNode();
        for (Change c : changes) {
            for (StationTransition t : c.transitions()) {
                ObjectNode row = moves.addObject();
                row.put("id", t.id.toString());
                row.put("station_id", t.stationId.toString());
                row.put("from_status", t.fromStatus.name());
                row.put("to_status", t.toStatus.name());
                row.put("effective_date", t.effectiveDate.toString());
                row.put("reason", t.reason);
                row.put("changed_by", t.changedBy);
                row.set("changed_at", mapper.valueToTree(t.changedAt));
            }
        }
        if (!moves.isEmpty()) {
            em.createNativeQuery("""
                    insert into station_transition (id, station_id, from_status, to_status, effective_date, reason,
                        changed_by, changed_at)
                    select id, station_id, from_status, to_status, effective_date, reason, changed_by, changed_at
                    from jsonb_to_recordset(cast(:rows as jsonb)) as (id uuid, station_id uuid, from_status text,
                        to_status text, effective_date date, reason text, changed_by text, changed_at timestamptz)""")
                    .setParameter("rows", text(moves))
                    .executeUpdate();
        }
        List<Outbox.Pending> events = new ArrayList<>();
        for (Change c : changes) {
            for (StationChangedEvent event : c.events()) {
                events.add(new Outbox.Pending(event.id().toString(), event));
            }
        }
        outbox.appendAll(StationChangedEvent.TOPIC, StationChangedEvent.TYPE, events);
    }

    private void row(ObjectNode row, Station s) {
        row.put("id", s.id.toString());
        row.put("name", s.name);
        row.put("level", s.level.name());
        row.put("region_code", s.regionCode);
        row.put("parent_id", s.parentId == null ? null : s.parentId.toString());
        row.put("status", s.status.name());
        row.put("address", s.address);
        row.put("contact_note", s.contactNote);
        row.put("established_on", s.establishedOn == null ? null : s.establishedOn.toString());
        row.put("floor_area_m2", s.floorAreaM2);
        row.set("rooms", tree(s.rooms));
        row.set("co_locations", tree(s.coLocations));
        row.set("designations", tree(s.designations));
        row.put("operation_mode", s.operationMode.name());
        row.put("agency_id", s.agencyId == null ? null : s.agencyId.toString());
        row.put("latitude", s.latitude);
        row.put("longitude", s.longitude);
        row.put("crs", s.crs == null ? null : s.crs.name());
        row.put("wgs_lat", s.wgsLat);
        row.put("wgs_lon", s.wgsLon);
        row.set("standard", tree(s.standard));
        row.put("meets_standard", s.meetsStandard);
        row.put("version", s.version);
        row.put("external_scope", s.externalScope);
        row.put("external_id", s.externalId);
        row.set("created_at", mapper.valueToTree(s.createdAt));
        row.set("updated_at", mapper.valueToTree(s.updatedAt));
    }

    private JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("station JSON column does not parse", e);
        }
    }

    private String text(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("batch rows cannot be serialised", e);
        }
    }
}
