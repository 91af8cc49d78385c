package org.socialwork.stations.station;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
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
import org.socialwork.stations.agency.Agency;
import org.socialwork.stations.agency.AgencyRepository;
import org.socialwork.stations.agency.AgencyStatus;
import org.socialwork.stations.region.Region;
import org.socialwork.stations.region.RegionRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

@ApplicationScoped
public class StationService {

    static final String KIND = "station";
    /** Who reads the stations of their region; the dashboard role reads aggregates in reporting-service only. */
    private static final String[] REGION_READERS = {Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.FIELD_WORKER,
            Roles.EVALUATOR};
    private static final String[] LIST_READERS = {Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER,
            Roles.AGENCY_ADMIN, Roles.FIELD_WORKER, Roles.EVALUATOR};

    /** Mobile and landline numbers: phones are personal data kept (encrypted) by personnel-service only. */
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?!\\d)");

    @Inject
    StationRepository stations;

    @Inject
    StationTransitionRepository transitions;

    @Inject
    RegionRepository regions;

    @Inject
    AgencyRepository agencies;

    @Inject
    CallerScope caller;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    BusinessClock clock;

    /** Filters shared by the list, the CSV export and (scope only) the nearby query. */
    public record Filter(String regionPrefix, StationLevel level, StationStatus status, Designation.Kind designation,
            UUID agencyId, Boolean meetsStandard, OffsetDateTime updatedSince) {
    }

    /**
     * What the station rules read besides the station itself. The single operations read the
     * stored stations; the batch answers from the stations it has already changed first, so that
     * its items are judged as if they had been sent one by one, in order.
     */
    interface Lookups {
        Optional<Station> station(UUID id);

        boolean openStationIn(StationLevel level, String regionCode);

        long openChildren(UUID parentId);
    }

    /** The stored stations, as the single operations see them. */
    private final Lookups stored = new Lookups() {
        @Override
        public Optional<Station> station(UUID id) {
            return stations.findByIdOptional(id);
        }

        @Override
        public boolean openStationIn(StationLevel level, String regionCode) {
            return stations.openStationIn(level, regionCode);
        }

        @Override
        public long openChildren(UUID parentId) {
            return stations.openChildren(parentId);
        }
    };

    /** The stored stations (a method: a caller holds the client proxy, whose fields are not the bean's). */
    Lookups stored() {
        return stored;
    }

    @Transactional
    public StationView create(StationCreateRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        Station station = plan(request, stored);
        station.createdAt = clock.now();
        station.updatedAt = station.createdAt;
        try {
            stations.persist(station);
            stations.flush();
        } catch (PersistenceException e) {
            if (Persistence.violates(e, "station_one_township_station") || Persistence.violates(e, "station_one_county_hub")) {
                throw Problems.conflict("station.region.occupied", station.level, station.regionCode);
            }
            throw e;
        }
        publish(station, clock.today());
        return view(station);
    }

    /** A new PLANNED station from {@code request}, checked by every rule of a creation; not yet stored. */
    Station plan(StationCreateRequest request, Lookups lookups) {
        // A division retired today no longer takes new stations: its validity is judged on the business day.
        Region region = regions.findValid(request.regionCode(), clock.today())
                .orElseThrow(() -> Problems.rule("station.region.unknown", request.regionCode()));
        if (region.level != request.level().regionLevel()) {
            throw Problems.rule("station.region.level", request.level(), request.level().regionLevel(), region.code,
                    region.level);
        }
        if (!caller.coversRegion(region.code)) {
            throw Problems.forbidden("station.forbidden.region", region.code);
        }
        requireSingleOpen(request.level(), region.code, lookups);
        Station station = new Station();
        station.id = UUID.randomUUID();
        station.level = request.level();
        station.regionCode = region.code;
        station.status = StationStatus.PLANNED;
        applyProfile(station, request.name(), request.parentId(), request.address(), request.contactNote(),
                request.establishedOn(), request.facilities(), request.designations(), request.operationMode(),
                request.agencyId(), request.position(), lookups);
        station.standard = null;
        station.meetsStandard = false;
        return station;
    }

    @Transactional
    public StationView get(UUID id) {
        return view(readable(id));
    }

    @Transactional
    public StationView update(UUID id, String ifMatch, StationUpdateRequest request) {
        Station station = readable(id);
        Preconditions.requireIfMatch(ifMatch, station.version);
        revise(station, request, stored);
        return touchAndPublish(station, clock.today());
    }

    /** Replaces the profile of {@code station} by {@code request}, checked by every rule of an update. */
    void revise(Station station, StationUpdateRequest request, Lookups lookups) {
        boolean administers = administers(station);
        if (!administers) {
            if (!caller.actsForAgency(station.agencyId)) {
                throw Problems.forbidden("station.forbidden.region", station.regionCode);
            }
            // An agency may describe its station but not hand it to someone else.
            if (request.operationMode() != station.operationMode || !Objects.equals(request.agencyId(), station.agencyId)) {
                throw Problems.forbidden("station.forbidden.operation");
            }
        }
        if (station.status == StationStatus.CLOSED) {
            throw Problems.rule("station.closed", station.id);
        }
        applyProfile(station, request.name(), request.parentId(), request.address(), request.contactNote(),
                request.establishedOn(), request.facilities(), request.designations(), request.operationMode(),
                request.agencyId(), request.position(), lookups);
    }

    @Transactional
    public StationView setStandard(UUID id, String ifMatch, Standard standard) {
        Station station = readable(id);
        Preconditions.requireIfMatch(ifMatch, station.version);
        assess(station, standard);
        return touchAndPublish(station, clock.today());
    }

    /** Records the building-standard assessment of {@code station}, checked by every rule of the single operation. */
    void assess(Station station, Standard standard) {
        // The assessment is the bureau's finding about the station, never the operating agency's own claim.
        if (!administers(station)) {
            throw Problems.forbidden("station.forbidden.region", station.regionCode);
        }
        if (station.status == StationStatus.CLOSED) {
            throw Problems.rule("station.closed", station.id);
        }
        station.standard = json(standard);
        station.meetsStandard = standard.allMet();
    }

    @Transactional
    public StationView transition(UUID id, String ifMatch, TransitionRequest request) {
        Station station = readable(id);
        Preconditions.requireIfMatch(ifMatch, station.version);
        List<StationTransition> past = transitions.history(station.id);
        StationTransition transition = transit(station, request,
                past.isEmpty() ? null : past.get(past.size() - 1).effectiveDate, stored);
        transitions.persist(transition);
        return touchAndPublish(station, request.effectiveDate());
    }

    /**
     * Moves {@code station} to {@code request.to()}, checked by every rule of a transition, and
     * returns the transition to store. {@code previousEffective} is the effective date of the
     * station's last transition, or null when it has none.
     */
    StationTransition transit(Station station, TransitionRequest request, LocalDate previousEffective, Lookups lookups) {
        if (!administers(station)) {
            throw Problems.forbidden("station.forbidden.region", station.regionCode);
        }
        StationStatus from = station.status;
        if (!from.canBecome(request.to())) {
            throw Problems.rule("station.transition.illegal", from, request.to());
        }
        // A transition records what happened; one that has not happened yet would count today.
        if (request.effectiveDate().isAfter(clock.today())) {
            throw Problems.invalidField("effectiveDate", "station.transition.future", clock.today());
        }
        if (previousEffective != null && request.effectiveDate().isBefore(previousEffective)) {
            throw Problems.rule("station.transition.backdated", previousEffective);
        }
        if (request.to() == StationStatus.CLOSED && lookups.openChildren(station.id) > 0) {
            throw Problems.rule("station.transition.open-children");
        }
        StationTransition transition = new StationTransition();
        transition.id = UUID.randomUUID();
        transition.stationId = station.id;
        transition.fromStatus = from;
        transition.toStatus = request.to();
        transition.effectiveDate = request.effectiveDate();
        transition.reason = blankToNull(request.reason());
        transition.changedBy = caller.subject();
        transition.changedAt = clock.now();
        station.status = request.to();
        if (request.to() == StationStatus.ESTABLISHED && station.establishedOn == null) {
            station.establishedOn = request.effectiveDate();
        }
        return transition;
    }

    @Transactional
    public List<TransitionView> history(UUID id) {
        Station station = readable(id);
        return transitions.history(station.id).stream().map(TransitionView::of).toList();
    }

    /** The filter as SQL over {@code station s}, limited to the caller's scope; built while the request is active. */
    public NativeSql where(Filter filter) {
        // The dashboard role reads aggregates in reporting-service: it may not list stations at all.
        caller.requireAnyRole(LIST_READERS);
        NativeSql sql = new NativeSql().append(" where ");
        scope(sql);
        if (filter.regionPrefix() != null) {
            sql.appendInSubtree(" and ", "s.region_code", "region", filter.regionPrefix());
        }
        if (filter.level() != null) {
            sql.append(" and s.level = :level", "level", filter.level().name());
        }
        if (filter.status() != null) {
            sql.append(" and s.status = :status", "status", filter.status().name());
        }
        if (filter.designation() != null) {
            sql.append(" and s.designations @> cast(:designation as jsonb)", "designation",
                    "[{\"kind\":\"" + filter.designation().name() + "\"}]");
        }
        if (filter.agencyId() != null) {
            sql.append(" and s.agency_id = :agency", "agency", filter.agencyId());
        }
        if (filter.meetsStandard() != null) {
            sql.append(" and s.meets_standard = :meets", "meets", filter.meetsStandard());
        }
        if (filter.updatedSince() != null) {
            sql.append(" and s.updated_at >= :since", "since", filter.updatedSince());
        }
        return sql;
    }

    /** One keyset page (limit + 1 rows) of stations matching {@code where}, after {@code cursor}. */
    @Transactional
    public List<StationView> page(NativeSql where, Cursor cursor, int fetchSize) {
        NativeSql sql = new NativeSql().append("select s.* from station s").append(where)
                .appendChangeFeedPage("s", cursor, fetchSize);
        @SuppressWarnings("unchecked")
        List<Station> rows = sql.bindTo(em.createNativeQuery(sql.sql(), Station.class)).getResultList();
        return views(rows);
    }

    static Cursor cursorOf(StationView view) {
        return Persistence.changeFeedCursor(view.updatedAt(), view.id());
    }

    /** Open stations within {@code radiusM} of a WGS84 point, nearest first. */
    @Transactional
    public List<NearbyStation> near(double lat, double lon, double radiusM, int limit) {
        double dLat = Math.toDegrees(radiusM / 6_371_008.8);
        double dLon = dLat / Math.max(Math.cos(Math.toRadians(lat)), 0.01);
        NativeSql where = where(new Filter(null, null, null, null, null, null, null));
        NativeSql sql = new NativeSql().append("""
                select s.id, d.distance from station s
                cross join lateral (select 2 * 6371008.8 * asin(least(1, sqrt(
                    power(sin(radians(s.wgs_lat - :lat) / 2), 2)
                    + cos(radians(:lat)) * cos(radians(s.wgs_lat)) * power(sin(radians(s.wgs_lon - :lon) / 2), 2)
                ))) as distance) d""").append(where);
        sql.append(" and s.status <> 'CLOSED' and s.wgs_lat is not null")
                .append(" and s.wgs_lat between :minLat and :maxLat and s.wgs_lon between :minLon and :maxLon")
                .append(" and d.distance <= :radius order by d.distance, s.id limit :limit")
                .bind("lat", lat).bind("lon", lon)
                .bind("minLat", lat - dLat).bind("maxLat", lat + dLat)
                .bind("minLon", lon - dLon).bind("maxLon", lon + dLon)
                .bind("radius", radiusM).bind("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bindTo(em.createNativeQuery(sql.sql())).getResultList();
        Map<UUID, Double> distances = new LinkedHashMap<>();
        for (Object[] row : rows) {
            distances.put((UUID) row[0], ((Number) row[1]).doubleValue());
        }
        if (distances.isEmpty()) {
            return List.of();
        }
        Map<UUID, Station> byId = new HashMap<>();
        stations.list("id in ?1", distances.keySet()).forEach(s -> byId.put(s.id, s));
        Map<String, String> names = regionNames(byId.values().stream().map(s -> s.regionCode).toList());
        List<NearbyStation> result = new ArrayList<>();
        distances.forEach((id, distance) -> {
            Station s = byId.get(id);
            result.add(new NearbyStation(s.id, s.name, s.level, s.regionCode, names.get(s.regionCode), s.status,
                    s.wgsLat, s.wgsLon, Math.round(distance * 10) / 10.0));
        });
        return result;
    }

    private Station readable(UUID id) {
        Station station = stations.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        if (!canRead(station)) {
            throw Problems.notFound(KIND, id);
        }
        return station;
    }

    private boolean canRead(Station station) {
        if (caller.isPlatformAdmin()) {
            return true;
        }
        if (caller.hasAnyRole(REGION_READERS) && caller.region().isPresent() && caller.coversRegion(station.regionCode)) {
            return true;
        }
        return caller.actsForAgency(station.agencyId);
    }

    boolean administers(Station station) {
        return caller.isPlatformAdmin() || caller.hasRole(Roles.BUREAU_ADMIN) && caller.coversRegion(station.regionCode);
    }

    private void scope(NativeSql sql) {
        if (caller.isPlatformAdmin()) {
            sql.append("true");
            return;
        }
        sql.append("(false");
        if (caller.hasAnyRole(REGION_READERS) && caller.region().isPresent()) {
            sql.appendInSubtree(" or ", "s.region_code", "scopeRegion", caller.region().get());
        }
        if (caller.hasRole(Roles.AGENCY_ADMIN) && caller.agency().isPresent()) {
            sql.append(" or s.agency_id = :scopeAgency", "scopeAgency", caller.agency().get());
        }
        sql.append(")");
    }

    private static void requireSingleOpen(StationLevel level, String regionCode, Lookups lookups) {
        if ((level == StationLevel.TOWNSHIP_STATION || level == StationLevel.COUNTY_HUB)
                && lookups.openStationIn(level, regionCode)) {
            throw Problems.conflict("station.region.occupied", level, regionCode);
        }
    }

    private void applyProfile(Station station, String name, UUID parentId, String address, String contactNote,
            LocalDate establishedOn, Facilities facilities, List<Designation> designations, OperationMode mode,
            UUID agencyId, Position position, Lookups lookups) {
        if (contactNote != null && PHONE.matcher(contactNote).find()) {
            throw Problems.invalidField("contactNote", "station.contact-note.phone");
        }
        validateParent(station, parentId, lookups);
        validateOperation(mode, agencyId);
        writeProfile(station, name, parentId, address, contactNote, establishedOn, facilities, designations, mode,
                agencyId, position);
    }

    /** Writes the profile fields as stored, unchecked: the batch compares the result with what is stored. */
    void writeProfile(Station station, String name, UUID parentId, String address, String contactNote,
            LocalDate establishedOn, Facilities facilities, List<Designation> designations, OperationMode mode,
            UUID agencyId, Position position) {
        station.name = name.strip();
        station.parentId = parentId;
        station.address = blankToNull(address);
        station.contactNote = blankToNull(contactNote);
        station.establishedOn = establishedOn;
        station.floorAreaM2 = facilities == null ? null : facilities.floorAreaM2();
        station.rooms = json(facilities == null || facilities.rooms() == null ? Set.of()
                : sorted(facilities.rooms(), Room.class));
        station.coLocations = json(facilities == null || facilities.coLocations() == null ? Set.of()
                : sorted(facilities.coLocations(), CoLocation.class));
        station.designations = json(designations == null ? List.of() : designations);
        station.operationMode = mode;
        station.agencyId = agencyId;
        if (position == null) {
            station.latitude = null;
            station.longitude = null;
            station.crs = null;
            station.wgsLat = null;
            station.wgsLon = null;
        } else {
            double[] wgs = position.crs() == Crs.GCJ02 ? Gcj02.toWgs84(position.latitude(), position.longitude())
                    : new double[] {position.latitude(), position.longitude()};
            station.latitude = position.latitude();
            station.longitude = position.longitude();
            station.crs = position.crs();
            station.wgsLat = wgs[0];
            station.wgsLon = wgs[1];
        }
    }

    private void validateParent(Station station, UUID parentId, Lookups lookups) {
        if (parentId == null) {
            return;
        }
        StationLevel expected = station.level.parentLevel();
        if (expected == null) {
            throw Problems.rule("station.parent.none-allowed", station.level);
        }
        Station parent = lookups.station(parentId)
                .orElseThrow(() -> Problems.rule("station.parent.unknown", parentId));
        if (parent.level != expected) {
            throw Problems.rule("station.parent.level", parent.level, expected);
        }
        if (parent.status == StationStatus.CLOSED) {
            throw Problems.rule("station.parent.closed", parentId);
        }
        if (!(station.regionCode.length() > parent.regionCode.length() && station.regionCode.startsWith(parent.regionCode))) {
            throw Problems.rule("station.parent.region", parent.regionCode, station.regionCode);
        }
    }

    private void validateOperation(OperationMode mode, UUID agencyId) {
        if (mode == OperationMode.GOVERNMENT_RUN) {
            if (agencyId != null) {
                throw Problems.rule("station.operation.agency-forbidden");
            }
            return;
        }
        if (agencyId == null) {
            throw Problems.rule("station.operation.agency-required");
        }
        Agency agency = agencies.findByIdOptional(agencyId)
                .orElseThrow(() -> Problems.rule("station.operation.agency-unknown", agencyId));
        if (agency.status != AgencyStatus.ACTIVE) {
            throw Problems.rule("station.operation.agency-inactive", agencyId, agency.status);
        }
    }

    /** Saves a change that holds from {@code effectiveOn}: a transition's effective date, or today for an edit. */
    private StationView touchAndPublish(Station station, LocalDate effectiveOn) {
        station.updatedAt = clock.now();
        // Flushing now increments the version, which the event and the new ETag must carry.
        stations.flush();
        publish(station, effectiveOn);
        return view(station);
    }

    private void publish(Station s, LocalDate effectiveOn) {
        outbox.append(StationChangedEvent.TOPIC, StationChangedEvent.TYPE, s.id.toString(), event(s, effectiveOn));
    }

    /** The snapshot of {@code s} as it stands, holding from {@code effectiveOn}. */
    StationChangedEvent event(Station s, LocalDate effectiveOn) {
        return new StationChangedEvent(s.id, s.version, s.name, s.level, s.regionCode, s.parentId,
                s.status, s.address, s.establishedOn, facilities(s), designations(s), s.operationMode, s.agencyId,
                PositionView.of(s), standard(s), s.meetsStandard, s.builtAndOperating(), effectiveOn, s.createdAt,
                s.updatedAt);
    }

    StationView view(Station s) {
        return views(List.of(s)).get(0);
    }

    List<StationView> views(List<Station> rows) {
        Map<String, String> names = regionNames(rows.stream().map(s -> s.regionCode).toList());
        Set<UUID> agencyIds = new HashSet<>();
        rows.stream().map(s -> s.agencyId).filter(Objects::nonNull).forEach(agencyIds::add);
        Map<UUID, Agency> byId = agencies.byIds(agencyIds);
        return rows.stream().map(s -> new StationView(s.id, s.name, s.level, s.regionCode, names.get(s.regionCode),
                s.parentId, s.status, s.address, s.contactNote, s.establishedOn, facilities(s), designations(s),
                s.operationMode, s.agencyId, s.agencyId == null || !byId.containsKey(s.agencyId) ? null : byId.get(s.agencyId).name,
                PositionView.of(s), standard(s), s.meetsStandard, s.builtAndOperating(), s.version, s.createdAt,
                s.updatedAt)).toList();
    }

    private Map<String, String> regionNames(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Set<String> distinct = Set.copyOf(codes);
        if (distinct.size() == 1) {
            // A primary-key lookup: Hibernate re-translates queries with list parameters on every call.
            String code = distinct.iterator().next();
            return regions.findByIdOptional(code).map(r -> Map.of(code, r.name)).orElse(Map.of());
        }
        Map<String, String> names = new HashMap<>();
        regions.list("code in ?1", distinct).forEach(r -> names.put(r.code, r.name));
        return names;
    }

    Facilities facilities(Station s) {
        return new Facilities(s.floorAreaM2, read(s.rooms, new TypeReference<LinkedHashSet<Room>>() { }),
                read(s.coLocations, new TypeReference<LinkedHashSet<CoLocation>>() { }));
    }

    List<Designation> designations(Station s) {
        return read(s.designations, new TypeReference<List<Designation>>() { });
    }

    Standard standard(Station s) {
        return s.standard == null ? null : read(s.standard, new TypeReference<Standard>() { });
    }

    /** In declaration order, so equal sets give equal JSON and no spurious change. */
    private static <E extends Enum<E>> Set<E> sorted(Set<E> values, Class<E> type) {
        return values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write station JSON column", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("station JSON column does not match its type", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
