package org.socialwork.projects.resource;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.sql.Persistence;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.PageRequest;

/**
 * Resources are listed by bureaus (their region) and agencies; the bureaus, agencies and field
 * workers who answer needs browse them. Evaluators and dashboards have no use for the directory.
 */
@ApplicationScoped
public class ResourceService {

    @Inject
    BusinessClock clock;

    @Inject
    ServiceResourceRepository resources;

    @Inject
    CallerScope caller;

    @Inject
    EntityManager em;

    @Transactional
    public ResourceView create(ResourceRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN);
        if (caller.hasRole(Roles.BUREAU_ADMIN) && !caller.isPlatformAdmin() && !caller.hasRole(Roles.AGENCY_ADMIN)
                && !caller.coversRegion(request.regionCode())) {
            throw Problems.forbidden("resource.forbidden.region", request.regionCode());
        }
        ServiceResource r = new ServiceResource();
        r.id = UUID.randomUUID();
        r.kind = request.kind();
        r.name = request.name().strip();
        r.regionCode = request.regionCode();
        r.description = request.description();
        r.capacity = request.capacity();
        r.createdAt = clock.now();
        r.updatedAt = r.createdAt;
        resources.persist(r);
        resources.flush();
        return ResourceView.of(r);
    }

    @Transactional
    public List<ServiceResource> list(String region, ResourceKind kind, PageRequest page) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER, Roles.AGENCY_ADMIN,
                Roles.FIELD_WORKER);
        NativeSql sql = new NativeSql().append("select r.* from resource r where true");
        if (region != null) {
            sql.appendInSubtree(" and ", "r.region_code", "region", region);
        }
        if (kind != null) {
            sql.append(" and r.kind = :kind", "kind", kind.name());
        }
        sql.appendChangeFeedPage("r", page.cursor(), page.fetchSize());
        @SuppressWarnings("unchecked")
        List<ServiceResource> rows = sql.bindTo(em.createNativeQuery(sql.sql(), ServiceResource.class)).getResultList();
        return rows;
    }

    static Cursor cursorOf(ServiceResource r) {
        return Persistence.changeFeedCursor(r.updatedAt, r.id);
    }
}
