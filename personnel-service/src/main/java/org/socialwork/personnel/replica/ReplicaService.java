package org.socialwork.personnel.replica;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

/**
 * The replicated stations and agencies, scoped as stations-service scopes its own: a bureau user
 * reads its region's subtree, a field worker or evaluator its region's stations (not its agencies),
 * an agency admin its own agency and the stations it runs, a platform admin everything; a region
 * outside the caller's scope is 404.
 */
@ApplicationScoped
public class ReplicaService {

    private static final String[] REGION_READERS = {Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.FIELD_WORKER,
            Roles.EVALUATOR};
    private static final String[] STATION_READERS = {Roles.PLATFORM_ADMIN, Roles.AGENCY_ADMIN, Roles.BUREAU_ADMIN,
            Roles.BUREAU_VIEWER, Roles.FIELD_WORKER, Roles.EVALUATOR};
    /** As stations-service lists agencies: for the bureaus that supervise them and for the agencies themselves. */
    private static final String[] AGENCY_READERS = {Roles.PLATFORM_ADMIN, Roles.AGENCY_ADMIN, Roles.BUREAU_ADMIN,
            Roles.BUREAU_VIEWER};

    /** The region subtree to read and, for an agency admin, the one agency it may see. */
    private record Scope(String region, UUID agency) {
    }

    @Inject
    StationReplicaRepository stations;

    @Inject
    AgencyReplicaRepository agencies;

    @Inject
    CallerScope caller;

    @Transactional
    public Page<StationReplicaView> stations(String region, PageRequest page, UriInfo uri) {
        Scope scope = scope(region, STATION_READERS);
        return Page.of(stations.page(scope.region(), scope.agency(), page.cursor(), page.fetchSize()), page.limit(),
                StationReplicaView::of, StationReplicaRepository::cursorOf, uri);
    }

    @Transactional
    public Page<AgencyReplicaView> agencies(String region, PageRequest page, UriInfo uri) {
        Scope scope = scope(region, AGENCY_READERS);
        return Page.of(agencies.page(scope.region(), scope.agency(), page.cursor(), page.fetchSize()), page.limit(),
                AgencyReplicaView::of, AgencyReplicaRepository::cursorOf, uri);
    }

    private Scope scope(String requested, String... readers) {
        caller.requireAnyRole(readers);
        String region = QueryParams.regionPrefix(requested, "region");
        if (caller.isPlatformAdmin()) {
            return new Scope(region == null ? "" : region, null);
        }
        if (caller.hasAnyRole(REGION_READERS) && caller.region().isPresent()) {
            String code = region == null ? caller.region().get() : region;
            if (caller.coversRegion(code)) {
                return new Scope(code, null);
            }
        }
        if (caller.hasRole(Roles.AGENCY_ADMIN) && caller.agency().isPresent()) {
            return new Scope(region == null ? "" : region, caller.agency().get());
        }
        throw Problems.notFound("region", region);
    }
}
