package org.socialwork.projects.replica;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

/**
 * What this service has replicated from stations and personnel: lets an operator (and the demo
 * script) see whether the replicas a write needs have arrived, before a 422 says they have not.
 */
@Path("/api/v1/replicas")
@Tag(name = "Replicas", description = "Stations and workers as projects-service knows them from their events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReplicaResource {

    @Inject
    EntityManager em;

    @Inject
    CallerScope caller;

    /** A replicated station. */
    public record StationReplica(UUID id, String name, String regionCode, String status, UUID agencyId) {
    }

    /** A replicated worker, with the stations of their active assignments. */
    public record WorkerReplica(UUID id, UUID employerAgencyId, String category, String qualificationLevel,
            String status, boolean dishonestyListed, List<UUID> stationIds) {
    }

    @GET
    @Path("/stations")
    @Operation(summary = "Replicated stations", description = "Platform and bureau admins; region matches the subtree.")
    @Transactional
    public List<StationReplica> stations(@QueryParam("region") String region, @QueryParam("limit") Integer limit) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER);
        NativeSql sql = new NativeSql().append("select id, name, region_code, status, agency_id from station_replica s where true");
        String prefix = QueryParams.regionPrefix(region, "region");
        if (prefix != null) {
            sql.appendInSubtree(" and ", "s.region_code", "region", prefix);
        }
        if (!caller.isPlatformAdmin()) {
            sql.appendInSubtree(" and ", "s.region_code", "scope", caller.region().orElse("-"));
        }
        sql.append(" order by s.region_code, s.id limit :limit", "limit", size(limit));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bindTo(em.createNativeQuery(sql.sql())).getResultList();
        return rows.stream().map(r -> new StationReplica((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (UUID) r[4])).toList();
    }

    /** A replicated division. */
    public record RegionReplica(String code, String level, String parentCode) {
    }

    @GET
    @Path("/regions")
    @Operation(summary = "Replicated divisions under a parent", description = "E.g. the villages of a township, for a client's home village.")
    @Transactional
    public List<RegionReplica> regions(@QueryParam("parent") String parent, @QueryParam("limit") Integer limit) {
        String code = QueryParams.regionPrefix(parent, "parent");
        if (code == null) {
            throw Problems.invalidField("parent", "query.invalid", "parent", parent);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, level, parent_code from region_replica"
                + " where parent_code = ?1 and not retired order by code limit ?2")
                .setParameter(1, code).setParameter(2, size(limit)).getResultList();
        return rows.stream().map(r -> new RegionReplica((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    @GET
    @Path("/workers")
    @Operation(summary = "Replicated workers", description = "Platform admins; bureau admins see workers assigned in their region; agency admins their employees.")
    @Transactional
    public List<WorkerReplica> workers(@QueryParam("agency") UUID agency, @QueryParam("limit") Integer limit) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN);
        NativeSql sql = new NativeSql().append("""
                select w.id, w.employer_agency_id, w.category, w.qualification_level, w.status, w.dishonesty_listed,
                       coalesce((select string_agg(cast(a.station_id as text), ',') from assignment_replica a
                                 where a.worker_id = w.id and a.status = 'ACTIVE'), '')
                from worker_replica w where true""");
        if (agency != null) {
            sql.append(" and w.employer_agency_id = :agency", "agency", agency);
        }
        if (!caller.isPlatformAdmin()) {
            sql.append(" and (false");
            if (caller.hasRole(Roles.AGENCY_ADMIN) && caller.agency().isPresent()) {
                sql.append(" or w.employer_agency_id = :own", "own", caller.agency().get());
            }
            if (caller.hasRole(Roles.BUREAU_ADMIN) && caller.region().isPresent()) {
                sql.appendInSubtree(" or exists (select 1 from assignment_replica a join station_replica s on s.id = a.station_id"
                        + " where a.worker_id = w.id and a.status = 'ACTIVE' and ", "s.region_code", "scope",
                        caller.region().get()).append(")");
            }
            sql.append(")");
        }
        sql.append(" order by w.id limit :limit", "limit", size(limit));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bindTo(em.createNativeQuery(sql.sql())).getResultList();
        return rows.stream().map(r -> new WorkerReplica((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (Boolean) r[5], ((String) r[6]).isEmpty() ? List.of()
                        : java.util.Arrays.stream(((String) r[6]).split(",")).map(UUID::fromString).toList())).toList();
    }

    private static int size(Integer limit) {
        int size = limit == null ? PageRequest.DEFAULT_LIMIT : limit;
        if (size < 1 || size > PageRequest.MAX_LIMIT) {
            throw Problems.invalidField("limit", "problem.validation.limit", PageRequest.MAX_LIMIT);
        }
        return size;
    }
}
