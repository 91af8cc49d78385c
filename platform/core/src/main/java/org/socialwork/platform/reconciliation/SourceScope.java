package org.socialwork.platform.reconciliation;

import java.util.Optional;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.QueryParams;

/**
 * Who may read source totals and for which region: bureau users for their region subtree (their own
 * region when none is asked for), a platform admin for any region or the whole country. Any other
 * role is refused with 403; a region outside the caller's subtree answers 404 like an unknown one.
 */
public final class SourceScope {

    /** The roles that may read source totals and the reconciliation. */
    public static final String[] READERS = {Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER};

    private SourceScope() {
    }

    /** The division code to count under, or empty for the whole country (a platform admin asking for no region). */
    public static Optional<String> region(CallerScope caller, String requested) {
        caller.requireAnyRole(READERS);
        String code = QueryParams.regionPrefix(requested, "region");
        if (code == null) {
            if (caller.isPlatformAdmin()) {
                return Optional.empty();
            }
            code = caller.region().orElseThrow(() -> Problems.forbidden("problem.forbidden.role", String.join(", ", READERS)));
        }
        if (!caller.coversRegion(code)) {
            throw Problems.notFound("region", code);
        }
        return Optional.of(code);
    }
}
