package org.socialwork.projects.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.personaldata.Masking;
import org.socialwork.platform.personaldata.PersonalDataAudit;
import org.socialwork.platform.personaldata.PersonalDataCipher;
import org.socialwork.platform.personaldata.ResidentIdNumber;
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
import org.socialwork.projects.replica.Replicas;
import org.socialwork.projects.replica.StationAccess;

import com.fasterxml.jackson.core.type.TypeReference;

@ApplicationScoped
public class ClientService {

    static final String KIND = "client";
    private static final String ID_NUMBER_INDEX = "resident-id";

    @Inject
    BusinessClock clock;

    @Inject
    ClientRepository clients;

    @Inject
    Replicas replicas;

    @Inject
    StationAccess stations;

    @Inject
    CatalogueService catalogue;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    PersonalDataAudit audit;

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

    /** Filters of the client list. */
    public record Filter(UUID stationId, RiskLevel riskLevel, OffsetDateTime updatedSince) {
    }

    @Transactional
    public ClientView create(ClientCreateRequest request) {
        requireWriterRole();
        ResidentIdNumber idNumber = ResidentIdNumber.parse(request.idNumber(), clock.today())
                .orElseThrow(() -> Problems.invalidField("idNumber", "client.id-number.invalid"));
        String phone = phone(request.phone());
        Replicas.Station station = writableStation(request.stationId());
        requirePlace(request.villageRegionCode(), station);
        requireWorker(request.responsibleWorkerId());
        requirePlan(request.plan());
        String index = cipher.blindIndex(ID_NUMBER_INDEX, idNumber.value());
        if (clients.findByIdNumberIndex(index).isPresent()) {
            throw Problems.conflict("client.id-number.taken");
        }
        Client c = new Client();
        c.id = UUID.randomUUID();
        c.name = request.name().strip();
        c.idNumberEnc = cipher.encrypt(Client.ID_NUMBER_FIELD, idNumber.value());
        c.idNumberIndex = index;
        c.phoneEnc = cipher.encrypt(Client.PHONE_FIELD, phone);
        c.gender = idNumber.gender().name();
        c.birthDate = idNumber.birthDate();
        c.villageRegionCode = request.villageRegionCode();
        c.categories = json.write(request.categories().stream().sorted().toList());
        c.riskLevel = request.riskLevel();
        c.requiredVisitsPerMonth = request.requiredVisitsPerMonth() != null ? request.requiredVisitsPerMonth()
                : defaultVisits(request.riskLevel());
        c.stationId = station.id();
        c.responsibleWorkerId = request.responsibleWorkerId();
        c.assessment = blankToNull(request.assessment());
        c.plan = request.plan() == null ? null : json.write(request.plan());
        c.status = ClientStatus.ACTIVE;
        c.createdAt = clock.now();
        c.updatedAt = c.createdAt;
        try {
            clients.persist(c);
            clients.flush();
        } catch (PersistenceException e) {
            if (Persistence.violates(e, "client_id_number_unique")) {
                throw Problems.conflict("client.id-number.taken");
            }
            throw e;
        }
        publish(c);
        return view(c, true);
    }

    @Transactional
    public ClientView get(UUID id) {
        Client c = readable(id);
        return view(c, !caller.hasRole(Roles.PERSONAL_DATA));
    }

    @Transactional
    public ClientView update(UUID id, String ifMatch, ClientUpdateRequest request) {
        Client c = readable(id);
        Preconditions.requireIfMatch(ifMatch, c.version);
        requireWriterRole();
        writableStation(c.stationId);
        Replicas.Station station = writableStation(request.stationId());
        requirePlace(request.villageRegionCode(), station);
        requireWorker(request.responsibleWorkerId());
        requirePlan(request.plan());
        c.name = request.name().strip();
        c.phoneEnc = cipher.encrypt(Client.PHONE_FIELD, phone(request.phone()));
        c.villageRegionCode = request.villageRegionCode();
        c.categories = json.write(request.categories().stream().sorted().toList());
        c.riskLevel = request.riskLevel();
        c.requiredVisitsPerMonth = request.requiredVisitsPerMonth();
        c.stationId = station.id();
        c.responsibleWorkerId = request.responsibleWorkerId();
        c.assessment = blankToNull(request.assessment());
        c.plan = request.plan() == null ? null : json.write(request.plan());
        c.status = request.status();
        c.updatedAt = clock.now();
        clients.flush();
        publish(c);
        return view(c, !caller.hasRole(Roles.PERSONAL_DATA));
    }

    /** Finds the client with an ID number; 404 when none is in the caller's scope. */
    @Transactional
    public ClientView lookup(ClientLookupRequest request) {
        ResidentIdNumber idNumber = ResidentIdNumber.parse(request.idNumber(), clock.today())
                .orElseThrow(() -> Problems.invalidField("idNumber", "client.id-number.invalid"));
        Client c = clients.findByIdNumberIndex(cipher.blindIndex(ID_NUMBER_INDEX, idNumber.value()))
                .filter(this::canRead)
                .orElseThrow(() -> Problems.notFound(KIND, "(ID number)"));
        return view(c, !caller.hasRole(Roles.PERSONAL_DATA));
    }

    @Transactional
    public List<Client> list(Filter filter, PageRequest page) {
        // Evaluators and dashboards have no business with the people the stations serve.
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN,
                Roles.FIELD_WORKER);
        NativeSql sql = new NativeSql().append("select c.* from client c where ");
        stations.appendScope(sql, "c.station_id");
        if (filter.stationId() != null) {
            sql.append(" and c.station_id = :station", "station", filter.stationId());
        }
        if (filter.riskLevel() != null) {
            sql.append(" and c.risk_level = :risk", "risk", filter.riskLevel().name());
        }
        sql.appendChangeFeedPage("c", filter.updatedSince(), page.cursor(), page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Client> rows = sql.bindTo(em.createNativeQuery(sql.sql(), Client.class)).getResultList();
        return rows;
    }

    /** The audit trail of unmasked reads: platform admins see all, bureau admins reads of clients in their region. */
    @Transactional
    public List<AccessView> accessLog(UUID subjectId, int limit) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        NativeSql sql = new NativeSql().append("""
                select a.id, a.read_at, a.actor, a.actor_roles, a.actor_region, a.subject_id, a.fields, a.purpose
                from personal_data_access a join client c on c.id = a.subject_id
                where a.subject_type = 'client'""");
        if (!caller.isPlatformAdmin()) {
            sql.appendInSubtree(" and ", "c.village_region_code", "region", caller.region().orElse("-"));
        }
        if (subjectId != null) {
            sql.append(" and a.subject_id = :subject", "subject", subjectId);
        }
        sql.append(" order by a.read_at desc, a.id limit :limit", "limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bindTo(em.createNativeQuery(sql.sql())).getResultList();
        return rows.stream().map(r -> new AccessView((UUID) r[0], toTime(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (UUID) r[5], (String) r[6], (String) r[7])).toList();
    }

    static Cursor cursorOf(Client c) {
        return Persistence.changeFeedCursor(c.updatedAt, c.id);
    }

    /** The client if the caller may see it; anything else looks missing. */
    public Client readable(UUID id) {
        return clients.findByIdOptional(id).filter(this::canRead).orElseThrow(() -> Problems.notFound(KIND, id));
    }

    boolean canRead(Client c) {
        return replicas.station(c.stationId).map(stations::canRead).orElse(caller.isPlatformAdmin());
    }

    /** A list view: always masked (unmasking a page of clients would audit reads nobody asked for). */
    public ClientView listView(Client c) {
        return view(c, true);
    }

    private ClientView view(Client c, boolean masked) {
        String idNumber = cipher.decrypt(Client.ID_NUMBER_FIELD, c.idNumberEnc);
        String phone = cipher.decrypt(Client.PHONE_FIELD, c.phoneEnc);
        if (!masked) {
            audit.unmaskedRead(KIND, c.id, phone == null ? List.of("idNumber") : List.of("idNumber", "phone"),
                    "client record");
        }
        return new ClientView(c.id, c.version, c.name, masked ? Masking.idNumber(idNumber) : idNumber,
                masked ? Masking.phone(phone) : phone, masked, c.gender, c.birthDate, c.villageRegionCode, categories(c),
                c.riskLevel, c.requiredVisitsPerMonth, c.stationId, c.responsibleWorkerId, c.assessment,
                json.read(c.plan, ServicePlan.class), c.status, c.createdAt, c.updatedAt);
    }

    private List<ClientCategory> categories(Client c) {
        return json.read(c.categories, new TypeReference<List<ClientCategory>>() {
        });
    }

    private void publish(Client c) {
        outbox.append(ClientChangedEvent.TOPIC, ClientChangedEvent.TYPE, c.id.toString(),
                new ClientChangedEvent(c.id, c.version, categories(c), c.riskLevel, c.requiredVisitsPerMonth, c.stationId,
                        c.villageRegionCode, c.responsibleWorkerId, c.status, c.createdAt, c.updatedAt));
    }

    private void requireWriterRole() {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER);
    }

    private Replicas.Station writableStation(UUID stationId) {
        Replicas.Station station = replicas.station(stationId)
                .orElseThrow(() -> Problems.rule("client.station.unknown", stationId));
        if (!stations.canWrite(station)) {
            throw Problems.forbidden("client.forbidden.station", station.name());
        }
        return station;
    }

    private void requirePlace(String villageCode, Replicas.Station station) {
        String level = replicas.regionLevel(villageCode)
                .orElseThrow(() -> Problems.rule("client.village.unknown", villageCode));
        if (!"VILLAGE".equals(level)) {
            throw Problems.rule("client.village.level", villageCode);
        }
        if (!villageCode.startsWith(station.regionCode())) {
            throw Problems.rule("client.village.outside-station", villageCode, station.name());
        }
    }

    private void requireWorker(UUID workerId) {
        if (workerId != null && replicas.worker(workerId).isEmpty()) {
            throw Problems.rule("client.worker.unknown", workerId);
        }
    }

    private void requirePlan(ServicePlan plan) {
        if (plan != null && plan.serviceItems() != null) {
            catalogue.requireKnown(plan.serviceItems());
        }
    }

    private static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String normalized = Masking.normalizeMobile(raw);
        if (normalized == null) {
            throw Problems.invalidField("phone", "client.phone.invalid");
        }
        return normalized;
    }

    private int defaultVisits(RiskLevel risk) {
        return switch (risk) {
            case NORMAL -> config.visits().normalPerMonth();
            case KEY -> config.visits().keyPerMonth();
            case HIGH_RISK -> config.visits().highRiskPerMonth();
        };
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
