package org.socialwork.projects.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import org.socialwork.projects.catalogue.CatalogueService;
import org.socialwork.projects.common.Json;
import org.socialwork.projects.replica.Replicas;

import com.fasterxml.jackson.core.type.TypeReference;

@ApplicationScoped
public class ProjectService {

    static final String KIND = "project";
    private static final Set<String> PURCHASER_LEVELS = Set.of("PROVINCE", "CITY", "COUNTY", "TOWNSHIP");

    @Inject
    BusinessClock clock;

    @Inject
    ProjectRepository projects;

    @Inject
    Replicas replicas;

    @Inject
    CatalogueService catalogue;

    @Inject
    CallerScope caller;

    @Inject
    Outbox outbox;

    @Inject
    Json json;

    @Inject
    EntityManager em;

    /** Filters of the project list. */
    public record Filter(String regionPrefix, ProjectStatus status, UUID agencyId, java.time.OffsetDateTime updatedSince) {
    }

    @Transactional
    public ProjectView create(ProjectCreateRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        if (!caller.coversRegion(request.purchaserRegionCode())) {
            throw Problems.forbidden("project.forbidden.region", request.purchaserRegionCode());
        }
        String level = replicas.regionLevel(request.purchaserRegionCode())
                .orElseThrow(() -> Problems.rule("project.region.unknown", request.purchaserRegionCode()));
        if (!PURCHASER_LEVELS.contains(level)) {
            throw Problems.rule("project.region.level", request.purchaserRegionCode());
        }
        if (projects.findByCode(request.code()).isPresent()) {
            throw Problems.conflict("project.code.taken", request.code());
        }
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.code = request.code();
        p.purchaserRegionCode = request.purchaserRegionCode();
        p.status = ProjectStatus.DRAFT;
        p.disbursements = json.write(List.of());
        applyTerms(p, request.name(), request.contractorAgencyId(), request.stationIds(), request.periodStart(),
                request.periodEnd(), null, null, request.procurementMethod(), request.budgetFen(), request.funding(),
                request.serviceItems(), request.targets(), request.staffing(), request.evaluatorSubjects());
        p.createdAt = clock.now();
        p.updatedAt = p.createdAt;
        try {
            projects.persist(p);
            projects.flush();
        } catch (PersistenceException e) {
            if (Persistence.violates(e, "project_code_unique")) {
                throw Problems.conflict("project.code.taken", request.code());
            }
            throw e;
        }
        return publish(p);
    }

    @Transactional
    public ProjectView get(UUID id) {
        return view(readable(id));
    }

    @Transactional
    public ProjectView update(UUID id, String ifMatch, ProjectUpdateRequest request) {
        Project p = manageable(id);
        Preconditions.requireIfMatch(ifMatch, p.version);
        if (!ProjectStatus.EDITABLE.contains(p.status)) {
            throw Problems.conflict("project.final", p.code, p.status);
        }
        applyTerms(p, request.name(), request.contractorAgencyId(), request.stationIds(), request.periodStart(),
                request.periodEnd(), request.contractNumber(), request.contractDate(), request.procurementMethod(),
                request.budgetFen(), request.funding(), request.serviceItems(), request.targets(), request.staffing(),
                request.evaluatorSubjects());
        if (disbursements(p).stream().mapToLong(Disbursement::amountFen).sum() > p.budgetFen) {
            throw Problems.rule("project.disbursement.over-budget", p.budgetFen);
        }
        return touch(p);
    }

    @Transactional
    public ProjectView transition(UUID id, String ifMatch, TransitionRequest request) {
        Project p = manageable(id);
        Preconditions.requireIfMatch(ifMatch, p.version);
        ProjectStatus to = request.to();
        if (!p.status.canBecome(to)) {
            throw Problems.rule("project.transition.illegal", p.status, to);
        }
        switch (to) {
            case CONTRACTED -> {
                UUID agency = request.contractorAgencyId() != null ? request.contractorAgencyId() : p.contractorAgencyId;
                if (agency == null || blank(request.contractNumber()) || request.contractDate() == null) {
                    throw Problems.rule("project.contract.incomplete");
                }
                if (!replicas.agencyExists(agency)) {
                    throw Problems.rule("project.agency.unknown", agency);
                }
                p.contractorAgencyId = agency;
                p.contractNumber = request.contractNumber().strip();
                p.contractDate = request.contractDate();
            }
            case IN_SERVICE -> startService(p);
            case TERMINATED -> {
                if (blank(request.reason())) {
                    throw Problems.invalidField("reason", "project.termination.reason");
                }
                p.terminationReason = request.reason().strip();
                endService(p);
            }
            case COMPLETED -> endService(p);
            default -> {
            }
        }
        p.status = to;
        return touch(p);
    }

    @Transactional
    public ProjectView addDisbursement(UUID id, DisbursementRequest request) {
        Project p = manageable(id);
        if (p.status.isFinal()) {
            throw Problems.conflict("project.final", p.code, p.status);
        }
        List<Disbursement> list = new ArrayList<>(disbursements(p));
        long planned = list.stream().mapToLong(Disbursement::amountFen).sum();
        if (planned + request.amountFen() > p.budgetFen) {
            throw Problems.rule("project.disbursement.over-budget", p.budgetFen);
        }
        list.add(new Disbursement(UUID.randomUUID(), request.amountFen(), request.plannedOn(),
                blank(request.condition()) ? null : request.condition().strip(), null));
        p.disbursements = json.write(list);
        return touch(p);
    }

    @Transactional
    public ProjectView pay(UUID id, UUID disbursementId, String ifMatch, PaymentRequest request) {
        Project p = manageable(id);
        Preconditions.requireIfMatch(ifMatch, p.version);
        List<Disbursement> list = new ArrayList<>();
        boolean found = false;
        for (Disbursement d : disbursements(p)) {
            if (d.id().equals(disbursementId)) {
                found = true;
                if (d.paidOn() != null) {
                    throw Problems.conflict("project.disbursement.paid", d.id(), d.paidOn());
                }
                list.add(new Disbursement(d.id(), d.amountFen(), d.plannedOn(), d.condition(), request.paidOn()));
            } else {
                list.add(d);
            }
        }
        if (!found) {
            throw Problems.notFound("disbursement", disbursementId);
        }
        p.disbursements = json.write(list);
        return touch(p);
    }

    @Transactional
    public List<Project> list(Filter filter, PageRequest page) {
        // Dashboards read aggregates in reporting-service, not project files.
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN,
                Roles.FIELD_WORKER, Roles.EVALUATOR);
        NativeSql sql = new NativeSql().append("select p.* from project p where ");
        scope(sql);
        if (filter.regionPrefix() != null) {
            sql.appendInSubtree(" and ", "p.purchaser_region_code", "region", filter.regionPrefix());
        }
        if (filter.status() != null) {
            sql.append(" and p.status = :status", "status", filter.status().name());
        }
        if (filter.agencyId() != null) {
            sql.append(" and p.contractor_agency_id = :agency", "agency", filter.agencyId());
        }
        sql.appendChangeFeedPage("p", filter.updatedSince(), page.cursor(), page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Project> rows = sql.bindTo(em.createNativeQuery(sql.sql(), Project.class)).getResultList();
        return rows;
    }

    static Cursor cursorOf(Project p) {
        return Persistence.changeFeedCursor(p.updatedAt, p.id);
    }

    /** The project if the caller may see it; anything else looks missing. */
    public Project readable(UUID id) {
        Project p = projects.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        if (!canRead(p)) {
            throw Problems.notFound(KIND, id);
        }
        return p;
    }

    /** Like {@link #readable} with the row locked for this transaction: changes of one project queue up. */
    public Project lockedReadable(UUID id) {
        Project p = projects.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound(KIND, id));
        if (!canRead(p)) {
            throw Problems.notFound(KIND, id);
        }
        return p;
    }

    /** The project if the caller may change its terms (the purchasing bureau); 403 if merely visible. */
    public Project manageable(UUID id) {
        Project p = lockedReadable(id);
        if (!canManage(p)) {
            throw Problems.forbidden("project.forbidden.manage", p.code);
        }
        return p;
    }

    public boolean canManage(Project p) {
        return caller.isPlatformAdmin() || caller.hasRole(Roles.BUREAU_ADMIN) && caller.coversRegion(p.purchaserRegionCode);
    }

    public boolean canRead(Project p) {
        if (caller.isPlatformAdmin()) {
            return true;
        }
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.coversRegion(p.purchaserRegionCode)) {
            return true;
        }
        if (caller.actsForAgency(p.contractorAgencyId)) {
            return true;
        }
        if (caller.hasRole(Roles.EVALUATOR) && evaluators(p).contains(caller.subject())) {
            return true;
        }
        if (caller.hasRole(Roles.FIELD_WORKER) && caller.worker().isPresent()) {
            Set<UUID> mine = new HashSet<>(replicas.activeStationsOf(caller.worker().get()));
            return stations(p).stream().anyMatch(mine::contains);
        }
        return false;
    }

    private void scope(NativeSql sql) {
        if (caller.isPlatformAdmin()) {
            sql.append("true");
            return;
        }
        sql.append("(false");
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.region().isPresent()) {
            sql.appendInSubtree(" or ", "p.purchaser_region_code", "scopeRegion", caller.region().get());
        }
        if (caller.hasRole(Roles.AGENCY_ADMIN) && caller.agency().isPresent()) {
            sql.append(" or p.contractor_agency_id = :scopeAgency", "scopeAgency", caller.agency().get());
        }
        if (caller.hasRole(Roles.EVALUATOR)) {
            sql.append(" or p.evaluator_subjects @> cast(:scopeSubject as jsonb)", "scopeSubject",
                    json.write(List.of(caller.subject())));
        }
        if (caller.hasRole(Roles.FIELD_WORKER) && caller.worker().isPresent()) {
            sql.append(" or exists (select 1 from assignment_replica a where a.worker_id = :scopeWorker"
                    + " and a.status = 'ACTIVE' and p.station_ids @> jsonb_build_array(a.station_id::text))",
                    "scopeWorker", caller.worker().get());
        }
        sql.append(")");
    }

    /**
     * Entering IN_SERVICE claims every member for this project in {@code in_service_member}: a member
     * already serving another IN_SERVICE project makes the unique worker key refuse the transition.
     */
    private void startService(Project p) {
        List<TeamMember> team = team(p.id);
        var workers = replicas.workers(team.stream().map(TeamMember::workerId).toList());
        long fullTime = workers.values().stream().filter(Replicas.Worker::fullTime).count();
        long certified = workers.values().stream().filter(Replicas.Worker::certified).count();
        if (fullTime < p.minFullTimeWorkers || certified < p.minCertifiedWorkers) {
            throw Problems.rule("project.staffing.unmet", p.minFullTimeWorkers, fullTime, p.minCertifiedWorkers, certified);
        }
        for (TeamMember m : team) {
            claimInService(p, m.workerId());
        }
    }

    /** Claims {@code workerId} for the IN_SERVICE project {@code p}; 409 if they already serve another. */
    public void claimInService(Project p, UUID workerId) {
        int claimed = em.createNativeQuery(
                "insert into in_service_member (worker_id, project_id) values (?1, ?2) on conflict (worker_id) do nothing")
                .setParameter(1, workerId).setParameter(2, p.id).executeUpdate();
        if (claimed == 0) {
            @SuppressWarnings("unchecked")
            List<UUID> other = em.createNativeQuery("select project_id from in_service_member where worker_id = ?1")
                    .setParameter(1, workerId).getResultList();
            if (other.isEmpty()) {
                throw Problems.conflict("team.worker.busy", workerId, "", "");
            }
            if (!other.get(0).equals(p.id)) {
                Project serving = em.find(Project.class, other.get(0));
                throw Problems.conflict("team.worker.busy", workerId, serving.name, serving.code);
            }
        }
    }

    private void endService(Project p) {
        em.createNativeQuery("delete from in_service_member where project_id = ?1").setParameter(1, p.id).executeUpdate();
    }

    private void applyTerms(Project p, String name, UUID agency, List<UUID> stationIds, LocalDate start, LocalDate end,
            String contractNumber, LocalDate contractDate, ProcurementMethod method, long budgetFen,
            List<Funding> funding, List<String> serviceItems, List<Target> targets, Staffing staffing,
            List<String> evaluatorSubjects) {
        if (end.isBefore(start)) {
            throw Problems.invalidField("periodEnd", "project.period.order");
        }
        long parts = funding.stream().mapToLong(Funding::amountFen).sum();
        if (parts != budgetFen) {
            throw Problems.rule("project.funding.mismatch", parts, budgetFen);
        }
        if (funding.stream().map(Funding::source).distinct().count() != funding.size()) {
            throw Problems.invalidField("funding", "project.funding.duplicate");
        }
        if (agency != null && !replicas.agencyExists(agency)) {
            throw Problems.rule("project.agency.unknown", agency);
        }
        Set<UUID> ids = new LinkedHashSet<>(stationIds);
        Map<UUID, Replicas.Station> known = replicas.stations(ids);
        for (UUID stationId : ids) {
            Replicas.Station s = known.get(stationId);
            if (s == null) {
                throw Problems.rule("project.station.unknown", stationId);
            }
            if (!s.regionCode().startsWith(p.purchaserRegionCode)) {
                throw Problems.rule("project.station.outside-region", s.name(), s.regionCode(), p.purchaserRegionCode);
            }
        }
        List<String> items = serviceItems == null ? List.of() : serviceItems.stream().distinct().toList();
        catalogue.requireKnown(items);
        List<Target> targetList = targets == null ? List.of() : targets;
        if (targetList.stream().map(Target::indicator).distinct().count() != targetList.size()) {
            throw Problems.invalidField("targets", "project.target.duplicate");
        }
        p.name = name.strip();
        p.contractorAgencyId = agency;
        p.stationIds = json.write(List.copyOf(ids));
        p.periodStart = start;
        p.periodEnd = end;
        if (contractNumber != null) {
            p.contractNumber = blank(contractNumber) ? null : contractNumber.strip();
        }
        if (contractDate != null) {
            p.contractDate = contractDate;
        }
        p.procurementMethod = method;
        p.budgetFen = budgetFen;
        p.funding = json.write(funding);
        p.serviceItems = json.write(items);
        p.targets = json.write(targetList);
        p.minFullTimeWorkers = staffing == null ? 0 : staffing.minFullTimeWorkers();
        p.minCertifiedWorkers = staffing == null ? 0 : staffing.minCertifiedWorkers();
        p.evaluatorSubjects = json.write(evaluatorSubjects == null ? List.of() : evaluatorSubjects.stream().distinct().toList());
    }

    /** Bumps the version and publishes the new snapshot: every change of a project or its team goes through here. */
    public ProjectView touch(Project p) {
        p.updatedAt = clock.now();
        p.version++;
        projects.flush();
        return publish(p);
    }

    private ProjectView publish(Project p) {
        ProjectView view = view(p);
        outbox.append(ProjectChangedEvent.TOPIC, ProjectChangedEvent.TYPE, p.id.toString(), ProjectChangedEvent.of(view));
        return view;
    }

    public ProjectView view(Project p) {
        List<Disbursement> disbursements = disbursements(p);
        long disbursed = disbursements.stream().filter(d -> d.paidOn() != null).mapToLong(Disbursement::amountFen).sum();
        return new ProjectView(p.id, p.version, p.code, p.name, p.purchaserRegionCode, p.contractorAgencyId, stations(p),
                p.periodStart, p.periodEnd, p.contractNumber, p.contractDate, p.procurementMethod, p.status,
                p.terminationReason, p.budgetFen, json.read(p.funding, new TypeReference<List<Funding>>() {
                }), disbursements, disbursed, json.read(p.serviceItems, new TypeReference<List<String>>() {
                }), json.read(p.targets, new TypeReference<List<Target>>() {
                }), new Staffing(p.minFullTimeWorkers, p.minCertifiedWorkers), team(p.id), teamChanges(p.id),
                evaluators(p), p.createdAt, p.updatedAt);
    }

    public List<UUID> stations(Project p) {
        return json.read(p.stationIds, new TypeReference<List<UUID>>() {
        });
    }

    public List<Disbursement> disbursements(Project p) {
        return json.read(p.disbursements, new TypeReference<List<Disbursement>>() {
        });
    }

    public List<Target> targets(Project p) {
        return json.read(p.targets, new TypeReference<List<Target>>() {
        });
    }

    List<String> evaluators(Project p) {
        return json.read(p.evaluatorSubjects, new TypeReference<List<String>>() {
        });
    }

    public List<TeamMember> team(UUID projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select worker_id, role, since from project_member where project_id = ?1 order by since, worker_id")
                .setParameter(1, projectId).getResultList();
        return rows.stream().map(r -> new TeamMember((UUID) r[0], (String) r[1], toDate(r[2]))).toList();
    }

    public long teamChanges(UUID projectId) {
        return ((Number) em.createNativeQuery("select count(*) from project_team_change where project_id = ?1")
                .setParameter(1, projectId).getSingleResult()).longValue();
    }

    static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
