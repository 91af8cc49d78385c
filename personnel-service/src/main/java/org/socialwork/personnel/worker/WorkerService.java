package org.socialwork.personnel.worker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.socialwork.personnel.PersonnelConfig;
import org.socialwork.personnel.Refusals;
import org.socialwork.personnel.replica.AgencyReplica;
import org.socialwork.personnel.replica.AgencyReplicaRepository;
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

/** Workers: identity with protected personal data, qualifications and the current employment. */
@ApplicationScoped
public class WorkerService {

    static final String ID_INDEX_KIND = "resident-id";
    static final String PHONE_INDEX_KIND = "mobile";
    static final String ID_UNIQUE = "worker_id_number_unique";
    static final String EXTERNAL_UNIQUE = "worker_external_id_unique";

    @Inject
    WorkerRepository workers;

    @Inject
    CertificateRepository certificates;

    @Inject
    EmploymentRepository employments;

    @Inject
    AgencyReplicaRepository agencies;

    @Inject
    WorkerScope scope;

    @Inject
    WorkerSnapshots snapshots;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    PersonalDataAudit audit;

    @Inject
    CallerScope caller;

    @Inject
    PersonnelConfig config;

    @Inject
    BusinessClock clock;

    @Inject
    EntityManager em;

    /** Filters of the worker list. */
    public record Filter(UUID agencyId, WorkerStatus status, QualificationLevel qualificationLevel, String region,
            OffsetDateTime updatedSince) {
    }

    /** The validated identity fields of a request. */
    record Identity(ResidentIdNumber idNumber, String phone) {
    }

    @Transactional
    public WorkerView create(WorkerCreateRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN);
        Identity identity = identity(request.idNumber(), request.phone());
        if (request.employment() == null && !caller.isPlatformAdmin()) {
            throw Problems.invalidField("employment", "worker.employment.required");
        }
        if (request.employment() != null) {
            requireEmployer(request.employment().agencyId(), "employment.agencyId");
            requirePayScale(request.employment().post(), request.employment().grade());
        }
        Worker worker = new Worker();
        worker.id = UUID.randomUUID();
        worker.externalId = blankToNull(request.externalId());
        applyIdentity(worker, identity);
        worker.name = request.name().strip();
        worker.education = request.education();
        worker.socialWorkDegree = request.socialWorkDegree();
        worker.qualificationLevel = QualificationLevel.NONE;
        worker.status = WorkerStatus.ACTIVE;
        worker.createdAt = clock.now();
        worker.updatedAt = worker.createdAt;
        if (request.employment() != null) {
            applyEmployment(worker, request.employment().agencyId(), request.employment().category(),
                    request.employment().post(), request.employment().grade(), request.employment().from(),
                    request.employment().until());
        }
        persistNew(worker);
        if (request.employment() != null) {
            recordEmployment(worker);
        }
        snapshots.publish(worker);
        return snapshots.view(worker, false);
    }

    @Transactional
    public WorkerView get(UUID id, String purpose) {
        Worker worker = scope.readable(id);
        return show(worker, purpose);
    }

    @Transactional
    public WorkerView lookup(String idNumber, String purpose) {
        ResidentIdNumber number = ResidentIdNumber.parse(idNumber, clock.today())
                .orElseThrow(() -> Problems.invalidField("idNumber", "worker.id-number.invalid"));
        Worker worker = workers.byIdNumberIndex(cipher.blindIndex(ID_INDEX_KIND, number.value()))
                .filter(scope::canRead)
                .orElseThrow(() -> Problems.notFound(WorkerScope.KIND, Masking.idNumber(number.value())));
        return show(worker, purpose);
    }

    @Transactional
    public WorkerView update(UUID id, String ifMatch, WorkerUpdateRequest request) {
        Worker worker = scope.writable(id);
        Preconditions.requireIfMatch(ifMatch, worker.version);
        Identity identity = identity(null, request.phone());
        worker.externalId = blankToNull(request.externalId());
        worker.name = request.name().strip();
        worker.phoneEnc = cipher.encrypt(WorkerSnapshots.PHONE_FIELD, identity.phone());
        worker.phoneIndex = cipher.blindIndex(PHONE_INDEX_KIND, identity.phone());
        worker.education = request.education();
        worker.socialWorkDegree = request.socialWorkDegree();
        touch(worker);
        return snapshots.view(worker, false);
    }

    @Transactional
    public WorkerView setEmployment(UUID id, String ifMatch, EmploymentRequest request) {
        Worker worker = scope.writable(id);
        Preconditions.requireIfMatch(ifMatch, worker.version);
        requireEmployable(worker);
        requireEmployer(request.agencyId(), "agencyId");
        requirePayScale(request.post(), request.grade());
        if (request.until() != null && request.until().isBefore(request.from())) {
            throw Problems.invalidField("until", "worker.employment.until-before-from");
        }
        employments.open(worker.id).ifPresent(open -> open.endedOn = latest(open.startedOn, request.from().minusDays(1)));
        applyEmployment(worker, request.agencyId(), request.category(), request.post(), request.grade(), request.from(),
                request.until());
        recordEmployment(worker);
        touch(worker);
        return snapshots.view(worker, false);
    }

    @Transactional
    public WorkerView addCertificate(UUID id, CertificateRequest request) {
        Worker worker = scope.writable(id);
        if (request.issuedOn().isAfter(clock.today())) {
            throw Problems.invalidField("issuedOn", "worker.certificate.future");
        }
        Certificate certificate = new Certificate();
        certificate.id = UUID.randomUUID();
        certificate.workerId = worker.id;
        certificate.number = request.number().strip();
        certificate.level = request.level();
        certificate.issuedOn = request.issuedOn();
        certificate.issuer = request.issuer().strip();
        certificate.registered = request.registered();
        certificate.createdAt = clock.now();
        try {
            certificates.persist(certificate);
            certificates.flush();
        } catch (PersistenceException e) {
            if (Persistence.violates(e, "certificate_number_unique")) {
                throw Refusals.conflictOn("number", "worker.certificate.taken", certificate.number);
            }
            throw e;
        }
        deriveQualification(worker);
        touch(worker);
        return snapshots.view(worker, false);
    }

    @Transactional
    public List<Worker> list(Filter filter, PageRequest page) {
        scope.requireReaderRole();
        NativeSql sql = new NativeSql().append("select w.* from worker w where ");
        scope.scope(sql);
        if (filter.agencyId() != null) {
            sql.append(" and w.employer_agency_id = :agency", "agency", filter.agencyId());
        }
        if (filter.status() != null) {
            sql.append(" and w.status = :status", "status", filter.status().name());
        }
        if (filter.qualificationLevel() != null) {
            sql.append(" and w.qualification_level = :level", "level", filter.qualificationLevel().name());
        }
        if (filter.region() != null) {
            sql.append(" and (false");
            sql.appendInSubtree(" or exists (select 1 from agency_replica fa where fa.id = w.employer_agency_id and ",
                    "fa.registration_region", "region", filter.region()).append(")");
            sql.appendInSubtree(" or exists (select 1 from assignment fx where fx.worker_id = w.id and fx.status = 'ACTIVE' and ",
                    "fx.station_region_code", "region", filter.region()).append("))");
        }
        sql.appendChangeFeedPage("w", filter.updatedSince(), page.cursor(), page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Worker> rows = sql.bindTo(em.createNativeQuery(sql.sql(), Worker.class)).getResultList();
        return rows;
    }

    /** List entries are always masked: personal data is read one worker at a time, each read audited. */
    @Transactional
    public WorkerView listView(Worker worker) {
        return snapshots.view(worker, false);
    }

    static Cursor cursorOf(Worker worker) {
        return Persistence.changeFeedCursor(worker.updatedAt, worker.id);
    }

    /** 409 when the worker is on the dishonesty list: it may hold no social-work post until the listing expires. */
    public void requireEmployable(Worker worker) {
        WorkerSnapshots.Listing listing = snapshots.listing(worker.id);
        if (listing.listed()) {
            throw Problems.rule("worker.dishonesty.listed", listing.until());
        }
    }

    void requireEmployer(UUID agencyId, String field) {
        AgencyReplica agency = agencies.findByIdOptional(agencyId)
                .orElseThrow(() -> Refusals.ruleOn(field, "worker.agency.unknown", agencyId));
        if (!AgencyReplica.ACTIVE.equals(agency.status)) {
            throw Refusals.ruleOn(field, "worker.agency.inactive", agency.name, agency.status);
        }
        if (caller.isPlatformAdmin() || caller.actsForAgency(agencyId)) {
            return;
        }
        if (caller.hasRole(Roles.BUREAU_ADMIN) && caller.coversRegion(agency.registrationRegion)) {
            return;
        }
        throw Problems.forbidden("worker.forbidden.agency", agency.name);
    }

    void requirePayScale(String post, Integer grade) {
        if (!config.payScale().posts().contains(post)) {
            throw Problems.invalidField("post", "worker.pay-scale.post", post, String.join(", ", config.payScale().posts()));
        }
        if (grade == null || grade < 1 || grade > config.payScale().grades()) {
            throw Problems.invalidField("grade", "worker.pay-scale.grade", config.payScale().grades());
        }
    }

    /** Validates and normalises the ID number (when given) and phone; the values never enter a message. */
    Identity identity(String idNumber, String phone) {
        ResidentIdNumber number = null;
        if (idNumber != null) {
            number = ResidentIdNumber.parse(idNumber, clock.today())
                    .orElseThrow(() -> Problems.invalidField("idNumber", "worker.id-number.invalid"));
        }
        String mobile = null;
        if (phone != null && !phone.isBlank()) {
            mobile = Masking.normalizeMobile(phone);
            if (mobile == null) {
                throw Problems.invalidField("phone", "worker.phone.invalid");
            }
        }
        return new Identity(number, mobile);
    }

    void applyIdentity(Worker worker, Identity identity) {
        worker.idNumberEnc = cipher.encrypt(WorkerSnapshots.ID_NUMBER_FIELD, identity.idNumber().value());
        worker.idNumberIndex = cipher.blindIndex(ID_INDEX_KIND, identity.idNumber().value());
        worker.gender = identity.idNumber().gender().name();
        worker.birthDate = identity.idNumber().birthDate();
        worker.phoneEnc = cipher.encrypt(WorkerSnapshots.PHONE_FIELD, identity.phone());
        worker.phoneIndex = cipher.blindIndex(PHONE_INDEX_KIND, identity.phone());
    }

    static void applyEmployment(Worker worker, UUID agencyId, Category category, String post, Integer grade,
            LocalDate from, LocalDate until) {
        worker.employerAgencyId = agencyId;
        worker.category = category;
        worker.post = post;
        worker.grade = grade;
        worker.employedFrom = from;
        worker.employedUntil = until;
    }

    void recordEmployment(Worker worker) {
        Employment employment = new Employment();
        employment.id = UUID.randomUUID();
        employment.workerId = worker.id;
        employment.agencyId = worker.employerAgencyId;
        employment.category = worker.category;
        employment.post = worker.post;
        employment.grade = worker.grade;
        employment.startedOn = worker.employedFrom;
        employment.endedOn = worker.employedUntil;
        employment.createdAt = clock.now();
        employments.persist(employment);
    }

    void persistNew(Worker worker) {
        if (workers.byIdNumberIndex(worker.idNumberIndex).isPresent()) {
            throw Refusals.conflictOn("idNumber", "worker.id-number.taken");
        }
        try {
            workers.persist(worker);
            workers.flush();
        } catch (PersistenceException e) {
            if (Persistence.violates(e, ID_UNIQUE)) {
                throw Refusals.conflictOn("idNumber", "worker.id-number.taken");
            }
            if (Persistence.violates(e, EXTERNAL_UNIQUE)) {
                throw Refusals.conflictOn("externalId", "worker.external-id.taken", worker.externalId);
            }
            throw e;
        }
    }

    /** The current level: the highest certified level; registered when any certificate is registered. */
    void deriveQualification(Worker worker) {
        List<Certificate> history = certificates.ofWorker(worker.id);
        worker.qualificationLevel = history.stream().map(c -> c.level)
                .max(Enum::compareTo).orElse(QualificationLevel.NONE);
        worker.registered = history.stream().anyMatch(c -> c.registered);
    }

    /** Marks a change: the flush raises the version, which the event and the new ETag carry. */
    public void touch(Worker worker) {
        worker.updatedAt = clock.now();
        workers.flush();
        snapshots.publish(worker);
    }

    private WorkerView show(Worker worker, String purpose) {
        boolean unmasked = caller.hasRole(Roles.PERSONAL_DATA);
        if (unmasked) {
            audit.unmaskedRead(WorkerScope.KIND, worker.id, List.of("idNumber", "phone"), blankToNull(purpose));
        }
        return snapshots.view(worker, unmasked);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }

    Optional<Worker> byExternalId(UUID agencyId, String externalId) {
        return workers.byExternalId(agencyId, externalId);
    }
}
