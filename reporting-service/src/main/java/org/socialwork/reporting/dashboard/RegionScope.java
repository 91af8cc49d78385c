package org.socialwork.reporting.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.reporting.support.Jdbc;

/**
 * Resolves the region a dashboard, ranking or report is asked for: readers are bureau users and
 * dashboards, limited to their region subtree; a region outside it answers 404 like an unknown one.
 */
@RequestScoped
public class RegionScope {

    static final String[] READERS = {Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.DASHBOARD};

    @Inject
    CallerScope caller;

    @Inject
    Jdbc jdbc;

    /** The region {@code code} of generation {@code gen}, if the caller may read it. */
    public RegionRef readable(int gen, String code) {
        caller.requireAnyRole(READERS);
        if (code == null || code.isBlank()) {
            code = caller.region().orElseThrow(() -> Problems.invalidField("region", "reporting.region.required"));
        }
        return visible(gen, code);
    }

    /** The region, or 404 when it is unknown or outside the caller's scope. */
    public RegionRef visible(int gen, String code) {
        if (!code.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}") || !caller.coversRegion(code)) {
            throw Problems.notFound("region", code);
        }
        RegionRef region = jdbc.one("select code, name, level from rm_region where gen = ? and code = ?",
                rs -> new RegionRef(rs.getString(1), rs.getString(2), rs.getString(3)), gen, code);
        if (region == null) {
            throw Problems.notFound("region", code);
        }
        return region;
    }
}
