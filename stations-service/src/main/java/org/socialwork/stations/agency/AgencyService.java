package org.socialwork.stations.agency;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
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
import org.socialwork.stations.region.Region;
import org.socialwork.stations.region.RegionLevel;
import org.socialwork.stations.region.RegionRepository;

@ApplicationScoped
public class AgencyService {

    static final String KIND = "agency";
    private static final Set<RegionLevel> REGISTRATION_LEVELS = Set.of(RegionLevel.PROVINCE, RegionLevel.CITY,
            RegionLevel.COUNTY);

    @Inject
    AgencyRepository agencies;

    @Inject
    RegionRepository regions;

    @Inject
    CallerScope caller;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    BusinessClock clock;

    /** Filters of the agency list. */
    public record Filter(String regionPrefix, AgencyStatus status, AgencyGrade grade, OffsetDateTime updatedSince) {
    }

    @Transactional
    public AgencyView create(AgencyCreateRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        if (!CreditCode.isValid(request.creditCode())) {
            throw Problems.invalidField("creditCode", "agency.credit-code.invalid", request.creditCode());
        }
        Region region = regions.findValid(request.registrationRegion(), clock.today())
                .filter(r -> REGISTRATION_LEVELS.contains(r.level))
                .orElseThrow(() -> Problems.rule("agency.region.invalid", request.registrationRegion()));
        if (!canAdminister(region.code)) {
            throw Problems.forbidden("agency.forbidden.region", region.code);
        }
        requireGradeYear(request.grade(), request.gradeYear());
        if (agencies.creditCodeTaken(request.creditCode())) {
            throw Problems.conflict("agency.credit-code.taken", request.creditCode());
        }
        Agency agency = new Agency();
        agency.id = UUID.randomUUID();
        agency.name = request.name().strip();
        agency.creditCode = request.creditCode();
        agency.legalForm = request.legalForm();
        agency.registrationRegion = region.code;
        agency.grade = request.grade();
        agency.gradeYear = request.gradeYear();
        applyContact(agency, request.contact());
        agency.status = AgencyStatus.ACTIVE;
        agency.createdAt = clock.now();
        agency.updatedAt = agency.createdAt;
        try {
            agencies.persist(agency);
            agencies.flush();
        } catch (PersistenceException e) {
            if (Persistence.violates(e, "agency_credit_code_unique")) {
                throw Problems.conflict("agency.credit-code.taken", request.creditCode());
            }
            throw e;
        }
        publish(agency);
        return AgencyView.of(agency);
    }

    @Transactional
    public AgencyView get(UUID id) {
        return AgencyView.of(readable(id));
    }

    @Transactional
    public AgencyView update(UUID id, String ifMatch, AgencyUpdateRequest request) {
        Agency agency = readable(id);
        Preconditions.requireIfMatch(ifMatch, agency.version);
        requireGradeYear(request.grade(), request.gradeYear());
        boolean contactOnly = Objects.equals(request.name().strip(), agency.name)
                && request.legalForm() == agency.legalForm
                && request.grade() == agency.grade
                && Objects.equals(request.gradeYear(), agency.gradeYear)
                && request.status() == agency.status;
        boolean administers = caller.hasRole(Roles.PLATFORM_ADMIN)
                || caller.hasRole(Roles.BUREAU_ADMIN) && canAdminister(agency.registrationRegion);
        if (!administers && !(contactOnly && caller.actsForAgency(agency.id))) {
            throw Problems.forbidden(caller.actsForAgency(agency.id) ? "agency.forbidden.contact-only"
                    : "agency.forbidden.region", agency.registrationRegion);
        }
        agency.name = request.name().strip();
        agency.legalForm = request.legalForm();
        agency.grade = request.grade();
        agency.gradeYear = request.gradeYear();
        agency.status = request.status();
        applyContact(agency, request.contact());
        agency.updatedAt = clock.now();
        // Flushing now increments the version, which the event and the new ETag must carry.
        agencies.flush();
        publish(agency);
        return AgencyView.of(agency);
    }

    @Transactional
    public List<Agency> list(Filter filter, PageRequest page) {
        NativeSql sql = new NativeSql().append("select a.* from agency a where ");
        scope(sql);
        if (filter.regionPrefix() != null) {
            sql.appendInSubtree(" and ", "a.registration_region", "region", filter.regionPrefix());
        }
        if (filter.status() != null) {
            sql.append(" and a.status = :status", "status", filter.status().name());
        }
        if (filter.grade() != null) {
            sql.append(" and a.grade = :grade", "grade", filter.grade().name());
        }
        sql.appendChangeFeedPage("a", filter.updatedSince(), page.cursor(), page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Agency> rows = sql.bindTo(em.createNativeQuery(sql.sql(), Agency.class)).getResultList();
        return rows;
    }

    static Cursor cursorOf(Agency agency) {
        return Persistence.changeFeedCursor(agency.updatedAt, agency.id);
    }

    /** The agency if the caller may see it; anything else looks missing. */
    private Agency readable(UUID id) {
        Agency agency = agencies.findByIdOptional(id).orElseThrow(() -> Problems.notFound(KIND, id));
        if (caller.isPlatformAdmin() || caller.actsForAgency(agency.id)) {
            return agency;
        }
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.region().isPresent()) {
            if (caller.coversRegion(agency.registrationRegion) || operatesIn(agency.id, caller.region().get())) {
                return agency;
            }
        }
        throw Problems.notFound(KIND, id);
    }

    private boolean operatesIn(UUID agencyId, String regionPrefix) {
        Number count = (Number) em.createNativeQuery(
                "select count(*) from station where agency_id = :agency and region_code >= :region and region_code < :regionEnd")
                .setParameter("agency", agencyId)
                .setParameter("region", regionPrefix)
                .setParameter("regionEnd", NativeSql.subtreeEnd(regionPrefix))
                .getSingleResult();
        return count.longValue() > 0;
    }

    private void scope(NativeSql sql) {
        // Agencies are listed for the bureaus that supervise them and for the agencies themselves.
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN);
        if (caller.isPlatformAdmin()) {
            sql.append("true");
            return;
        }
        sql.append("(false");
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.region().isPresent()) {
            String region = caller.region().get();
            sql.appendInSubtree(" or ", "a.registration_region", "scopeRegion", region);
            sql.appendInSubtree(" or exists (select 1 from station s where s.agency_id = a.id and ", "s.region_code",
                    "scopeRegion", region).append(")");
        }
        if (caller.hasRole(Roles.AGENCY_ADMIN) && caller.agency().isPresent()) {
            sql.append(" or a.id = :scopeAgency", "scopeAgency", caller.agency().get());
        }
        sql.append(")");
    }

    private boolean canAdminister(String registrationRegion) {
        return caller.isPlatformAdmin() || caller.hasRole(Roles.BUREAU_ADMIN) && caller.coversRegion(registrationRegion);
    }

    private static void requireGradeYear(AgencyGrade grade, Integer gradeYear) {
        if ((grade == null) != (gradeYear == null)) {
            throw Problems.invalidField("gradeYear", "agency.grade-year.required");
        }
    }

    private static void applyContact(Agency agency, AgencyContact contact) {
        agency.contactPerson = contact == null ? null : blankToNull(contact.person());
        agency.contactEmail = contact == null ? null : blankToNull(contact.email());
        agency.contactAddress = contact == null ? null : blankToNull(contact.address());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void publish(Agency agency) {
        outbox.append(AgencyChangedEvent.TOPIC, AgencyChangedEvent.TYPE, agency.id.toString(), AgencyChangedEvent.of(agency));
    }
}
