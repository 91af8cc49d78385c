package org.socialwork.stations.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Preconditions;

import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class RegionService {

    private static final String VALID_ON = "(validFrom is null or validFrom <= :asOf) and (validTo is null or validTo > :asOf)";

    @Inject
    RegionRepository regions;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    /** The division whatever its validity, or, with {@code asOf}, only if it exists that day. */
    @Transactional
    public Region get(String code, LocalDate asOf) {
        Region region = regions.findByIdOptional(code).orElseThrow(() -> notFound(code));
        if (asOf != null && !region.validOn(asOf)) {
            throw notFound(code);
        }
        return region;
    }

    @Transactional
    public List<Region> children(String code, LocalDate asOf, String after, int fetch) {
        Region parent = get(code, asOf);
        return regions.find("parentCode = :parent and code > :after and " + VALID_ON + " order by code",
                Parameters.with("parent", parent.code).and("after", after == null ? "" : after).and("asOf", asOf))
                .range(0, fetch - 1).list();
    }

    /** All divisions below {@code code}: codes nest by prefix, so this is one index range scan. */
    @Transactional
    public List<Region> subtree(String code, RegionLevel level, LocalDate asOf, String after, int fetch) {
        Region root = get(code, asOf);
        String lower = after == null || after.compareTo(root.code) < 0 ? root.code : after;
        Parameters params = Parameters.with("lower", lower).and("upper", NativeSql.subtreeEnd(root.code)).and("asOf", asOf);
        String query = "code > :lower and code < :upper and " + VALID_ON;
        if (level != null) {
            query += " and level = :level";
            params.and("level", level);
        }
        return regions.find(query + " order by code", params).range(0, fetch - 1).list();
    }

    @Transactional
    public List<Region> ancestors(String code) {
        Region region = get(code, null);
        List<String> codes = new ArrayList<>();
        for (RegionLevel level : RegionLevel.values()) {
            if (level.codeLength() < region.code.length()) {
                codes.add(region.code.substring(0, level.codeLength()));
            }
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        // codes of the same length sort like their levels, so ordering by code puts the province first
        return regions.find("code in ?1 order by code", codes).list();
    }

    @Transactional
    public List<Region> search(String q, RegionLevel level, String within, LocalDate asOf, String after, int fetch) {
        Parameters params = Parameters.with("pattern", "%" + escapeLike(q) + "%")
                .and("after", after == null ? "" : after).and("asOf", asOf);
        String query = "name like :pattern escape '\\' and code > :after and " + VALID_ON;
        if (level != null) {
            query += " and level = :level";
            params.and("level", level);
        }
        if (within != null) {
            query += " and code > :withinLower and code < :withinUpper";
            params.and("withinLower", within).and("withinUpper", NativeSql.subtreeEnd(within));
        }
        return regions.find(query + " order by code", params).range(0, fetch - 1).list();
    }

    @Transactional
    public RegionCounts counts(String code, LocalDate asOf) {
        Region root = get(code, asOf);
        List<Object[]> rows = em.createQuery("select r.level, r.townshipKind, count(r) from Region r"
                + " where r.code > :lower and r.code < :upper and r.level in (:levels)"
                + " and (r.validFrom is null or r.validFrom <= :asOf) and (r.validTo is null or r.validTo > :asOf)"
                + " group by r.level, r.townshipKind", Object[].class)
                .setParameter("lower", root.code).setParameter("upper", NativeSql.subtreeEnd(root.code))
                .setParameter("levels", List.of(RegionLevel.TOWNSHIP, RegionLevel.VILLAGE))
                .setParameter("asOf", asOf)
                .getResultList();
        Map<TownshipKind, Long> byKind = new EnumMap<>(TownshipKind.class);
        for (TownshipKind kind : TownshipKind.values()) {
            byKind.put(kind, 0L);
        }
        long townships = 0;
        long villages = 0;
        for (Object[] row : rows) {
            long count = (Long) row[2];
            if (row[0] == RegionLevel.VILLAGE) {
                villages += count;
            } else {
                townships += count;
                TownshipKind kind = row[1] == null ? TownshipKind.OTHER : (TownshipKind) row[1];
                byKind.merge(kind, count, Long::sum);
            }
        }
        return new RegionCounts(root.code, townships, villages, byKind);
    }

    /**
     * Ends the validity of a division. Children are not moved: a consolidation that re-parents
     * townships arrives with the next import of the national list.
     */
    @Transactional
    public Region retire(String code, String ifMatch, RetirementRequest request) {
        Region region = get(code, null);
        if (!caller.isPlatformAdmin() && !(caller.hasRole(Roles.BUREAU_ADMIN) && caller.coversRegion(region.code))) {
            throw Problems.forbidden("region.retire.forbidden");
        }
        Preconditions.requireIfMatch(ifMatch, region.version);
        if (region.validTo != null) {
            throw Problems.conflict("region.retire.already-retired", region.code, region.validTo);
        }
        if (region.validFrom != null && !request.effectiveDate().isAfter(region.validFrom)) {
            throw Problems.rule("region.retire.before-valid-from", request.effectiveDate(), region.validFrom);
        }
        if (request.mergedInto() != null) {
            checkMergeTarget(region, request.mergedInto(), request.effectiveDate());
        }
        region.validTo = request.effectiveDate();
        region.mergedInto = request.mergedInto();
        region.retireReason = request.reason();
        region.updatedAt = clock.now();
        // the @Version increment happens at flush; the event must carry the new version
        regions.flush();
        outbox.append(RegionChangedEvent.TOPIC, RegionChangedEvent.TYPE, region.code, RegionChangedEvent.of(region));
        return region;
    }

    private void checkMergeTarget(Region region, String targetCode, LocalDate effectiveDate) {
        if (targetCode.equals(region.code)) {
            throw Problems.rule("region.retire.merge-into-self", region.code);
        }
        Region target = regions.findByIdOptional(targetCode)
                .filter(t -> t.validTo == null && t.validOn(effectiveDate))
                .orElseThrow(() -> Problems.rule("region.retire.merge-target-invalid", targetCode));
        if (target.level != region.level) {
            throw Problems.rule("region.retire.merge-level", targetCode, target.level, region.level);
        }
    }

    private static org.socialwork.platform.problem.ProblemException notFound(String code) {
        return Problems.notFound("region", code);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
