package org.socialwork.reporting.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.reporting.readmodel.Generations;

/** Yearly coverage targets: set by a bureau admin for its own region (or below), read like dashboards. */
@ApplicationScoped
public class CoverageTargetService {

    @Inject
    CoverageTargetRepository repository;

    @Inject
    RegionScope scope;

    @Inject
    CallerScope caller;

    @Inject
    Generations generations;

    @Inject
    BusinessClock clock;

    @Transactional
    public CoverageTargetView get(String regionCode, int year) {
        if (!caller.hasAnyRole(RegionScope.READERS)) {
            // A target is read by its region; a caller with no dashboard access sees no region at all.
            throw Problems.notFound("region", regionCode);
        }
        scope.readable(generations.active(), regionCode);
        return view(regionCode, year, repository.find(regionCode, year));
    }

    @Transactional
    public CoverageTargetView put(String regionCode, int year, String ifMatch, CoverageTargetRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        scope.readable(generations.active(), regionCode);
        if (year < 2000 || year > 2100) {
            throw Problems.invalidField("year", "reporting.target.year", year);
        }
        CoverageTarget target = repository.findForUpdate(regionCode, year);
        Preconditions.requireIfMatch(ifMatch, target == null ? 0 : target.version);
        if (target == null) {
            target = new CoverageTarget();
            target.regionCode = regionCode;
            target.year = year;
            target.version = 1;
            apply(target, request);
            repository.persist(target);
        } else {
            apply(target, request);
            target.version++;
        }
        repository.flush();
        return view(regionCode, year, target);
    }

    private void apply(CoverageTarget target, CoverageTargetRequest request) {
        target.targetPercent = request.targetPercent();
        target.note = request.note();
        target.updatedBy = caller.subject();
        target.updatedAt = clock.now();
    }

    private static CoverageTargetView view(String regionCode, int year, CoverageTarget t) {
        return t == null ? new CoverageTargetView(regionCode, year, null, null, 0, null, null)
                : new CoverageTargetView(t.regionCode, t.year, t.targetPercent, t.note, t.version, t.updatedBy, t.updatedAt);
    }
}
