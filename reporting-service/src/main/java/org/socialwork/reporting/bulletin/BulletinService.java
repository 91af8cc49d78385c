package org.socialwork.reporting.bulletin;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.reporting.dashboard.Period;
import org.socialwork.reporting.dashboard.PeriodType;
import org.socialwork.reporting.dashboard.RegionRef;
import org.socialwork.reporting.dashboard.RegionScope;
import org.socialwork.reporting.ranking.Ranking;
import org.socialwork.reporting.ranking.RankingService;
import org.socialwork.reporting.readmodel.Generations;

/**
 * The monthly bulletin (每月一通报): a province or city bureau ranks its child regions for a month
 * on a few measures, comments on each and summarises. The rankings come from {@link RankingService}
 * so a bulletin never disagrees with the rankings endpoint at compile time, and are frozen then.
 * Drafts stay with the issuing bureau (and above); once issued, the regions below read it too.
 */
@ApplicationScoped
public class BulletinService {

    static final String[] READERS = {Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.DASHBOARD};

    /** Visits per operating station, then township coverage: the two figures a bureau is judged on first. */
    static final List<BulletinRequests.MeasureSpec> DEFAULT_MEASURES = List.of(
            new BulletinRequests.MeasureSpec("VISIT", "PER_STATION"),
            new BulletinRequests.MeasureSpec("TOWNSHIP_COVERAGE", "NONE"));

    @Inject
    BulletinRepository bulletins;

    @Inject
    RankingService rankings;

    @Inject
    RegionScope scope;

    @Inject
    CallerScope caller;

    @Inject
    Generations generations;

    @Inject
    BusinessClock clock;

    @Transactional
    public BulletinView create(BulletinRequests.Create request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        RegionRef region = scope.visible(generations.active(), request.regionCode());
        requireIssuer(region.code());
        Period period = month(request.month());
        if (bulletins.exists(region.code(), period.start())) {
            throw Problems.conflict("reporting.bulletin.exists", region.code());
        }
        List<BulletinRequests.MeasureSpec> measures = request.measures() == null || request.measures().isEmpty()
                ? DEFAULT_MEASURES : request.measures();
        List<Ranking> ranked = new ArrayList<>();
        for (BulletinRequests.MeasureSpec m : measures) {
            ranked.add(rankings.rank(region.code(), period, "CHILD_REGIONS", m.measure(),
                    m.normalise() == null ? "NONE" : m.normalise()));
        }
        OffsetDateTime now = clock.now();
        Bulletin bulletin = new Bulletin();
        bulletin.id = UUID.randomUUID();
        bulletin.regionCode = region.code();
        bulletin.periodStart = period.start();
        bulletin.periodEnd = period.end();
        bulletin.status = BulletinStatus.DRAFT;
        bulletin.summary = request.summary();
        bulletin.comments = comments(region.code(), request.comments());
        bulletin.rankings = ranked;
        bulletin.asOf = ranked.get(0).asOf();
        bulletin.createdBy = caller.subject();
        bulletin.createdAt = now;
        bulletin.version = 1;
        bulletin.updatedAt = now;
        bulletins.persist(bulletin);
        return BulletinView.of(bulletin);
    }

    @Transactional
    public BulletinView get(UUID id) {
        Bulletin bulletin = bulletins.findById(id);
        if (bulletin == null || !caller.hasAnyRole(READERS) || !readable(bulletin.regionCode, bulletin.status)) {
            throw Problems.notFound("bulletin", id);
        }
        return BulletinView.of(bulletin);
    }

    /** One keyset page of the bulletins issued by {@code region}, newest month first. */
    @Transactional
    public Page<BulletinView> page(String region, String month, PageRequest page, UriInfo uri) {
        caller.requireAnyRole(READERS);
        String code = region == null || region.isBlank()
                ? caller.region().orElseThrow(() -> Problems.invalidField("region", "reporting.region.required"))
                : region;
        if (!code.matches("\\d{2}|\\d{4}") || !readable(code, BulletinStatus.ISSUED)) {
            throw Problems.notFound("region", code);
        }
        boolean issuedOnly = !caller.coversRegion(code);
        List<BulletinView> rows = bulletins.ofRegion(code, month == null ? null : month(month).start(), issuedOnly,
                page.cursor(), page.fetchSize()).stream().map(BulletinView::of).toList();
        return Page.of(rows, page.limit(), v -> v, BulletinRepository::cursorOf, uri);
    }

    @Transactional
    public BulletinView update(UUID id, String ifMatch, BulletinRequests.Update request) {
        Bulletin bulletin = writable(id, ifMatch);
        if (request.comments() != null) {
            bulletin.comments = comments(bulletin.regionCode, request.comments());
        }
        if (request.summary() != null) {
            bulletin.summary = request.summary();
        }
        return touch(bulletin);
    }

    @Transactional
    public BulletinView issue(UUID id, String ifMatch) {
        Bulletin bulletin = writable(id, ifMatch);
        bulletin.status = BulletinStatus.ISSUED;
        bulletin.issuedAt = clock.now();
        bulletin.issuedBy = caller.subject();
        return touch(bulletin);
    }

    /** The issuing bureau's subtree reads everything; the regions below read issued bulletins only. */
    private boolean readable(String regionCode, BulletinStatus status) {
        if (caller.coversRegion(regionCode)) {
            return true;
        }
        return status == BulletinStatus.ISSUED && caller.region().map(r -> r.startsWith(regionCode)).orElse(false);
    }

    private Bulletin writable(UUID id, String ifMatch) {
        Bulletin bulletin = bulletins.findForUpdate(id);
        if (bulletin == null || !caller.hasAnyRole(READERS) || !readable(bulletin.regionCode, bulletin.status)) {
            throw Problems.notFound("bulletin", id);
        }
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        requireIssuer(bulletin.regionCode);
        Preconditions.requireIfMatch(ifMatch, bulletin.version);
        if (bulletin.status == BulletinStatus.ISSUED) {
            throw Problems.conflict("reporting.bulletin.issued");
        }
        return bulletin;
    }

    /** A bulletin speaks for one bureau: only that bureau's admins (or a platform admin) write it. */
    private void requireIssuer(String regionCode) {
        if (!caller.isPlatformAdmin() && !caller.region().map(regionCode::equals).orElse(false)) {
            throw Problems.forbidden("reporting.bulletin.issuer", regionCode);
        }
    }

    private static Map<String, String> comments(String regionCode, Map<String, String> comments) {
        Map<String, String> result = new LinkedHashMap<>();
        if (comments == null) {
            return result;
        }
        // Bulletins are issued by provinces and cities only, whose children are two digits longer.
        int child = regionCode.length() + 2;
        comments.keySet().stream().sorted().forEach(code -> {
            if (code.length() != child || !code.startsWith(regionCode) || !code.matches("\\d+")) {
                throw Problems.invalidField("comments", "reporting.bulletin.comment-region", code, regionCode);
            }
            result.put(code, comments.get(code));
        });
        return result;
    }

    private static Period month(String text) {
        Period period;
        try {
            period = Period.parse(text, null, null);
        } catch (RuntimeException e) {
            throw Problems.invalidField("month", "reporting.bulletin.month", text);
        }
        if (period.type() != PeriodType.MONTH) {
            throw Problems.invalidField("month", "reporting.bulletin.month", text);
        }
        return period;
    }

    private BulletinView touch(Bulletin bulletin) {
        bulletin.version++;
        bulletin.updatedAt = clock.now();
        return BulletinView.of(bulletin);
    }
}
