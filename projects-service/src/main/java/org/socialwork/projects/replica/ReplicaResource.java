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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

/**
 * What this service has replicated from stations and personnel: lets an operator (and the demo
 * script) see whether the replicas a write needs have arrived, before a 422 says they have not.
 */
@Path("/api/v1/replicas")
@Tag(name = "Replicas", description = "Stations, divisions and workers as projects-service knows them from their events "
        + "(本服务复制的社工站、行政区划与社工数据)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReplicaResource {

    @Inject
    EntityManager em;

    @Inject
    CallerScope caller;

    @Context
    UriInfo uriInfo;

    static final String LIMIT = "Page size";
    static final String CURSOR = "The nextCursor of the previous page; absent for the first page";

    /** A replicated station. */
    @Schema(description = "A station as replicated from stations-service")
    public record StationReplica(UUID id, String name, String regionCode, String status, UUID agencyId) {
    }

    /** A replicated worker, with the stations of their active assignments. */
    @Schema(description = "A worker as replicated from personnel-service, with the stations of their active assignments")
    public record WorkerReplica(UUID id, UUID employerAgencyId, String category, String qualificationLevel,
            String status, boolean dishonestyListed, List<UUID> stationIds) {
    }

    @GET
    @Path("/stations")
    @Operation(operationId = "listStationReplicas", summary = "Replicated stations (已复制的社工站)",
            description = "Platform and bureau users; region matches the subtree, and a bureau user sees its own region's. "
            + "Keyset-paginated by region code (limit ≤ 200, default 50; follow `next`).")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "403", description = "Not a platform or bureau user (problem.forbidden.role)")
    @Transactional
    public Page<StationReplica> stations(
            @Parameter(description = "Division code (2, 4, 6, 9 or 12 digits): stations in its subtree",
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER);
        NativeSql sql = new NativeSql().append("select id, name, region_code, status, agency_id from station_replica s where true");
        String prefix = QueryParams.regionPrefix(region, "region");
        if (prefix != null) {
            sql.appendInSubtree(" and ", "s.region_code", "region", prefix);
        }
        if (!caller.isPlatformAdmin()) {
            sql.appendInSubtree(" and ", "s.region_code", "scope", caller.region().orElse("-"));
        }
        if (page.cursor() != null) {
            sql.append(" and (s.region_code, s.id) > (:afterCode, :afterId)").bind("afterCode", page.cursor().key(0))
                    .bind("afterId", page.cursor().uuid(1));
        }
        sql.append(" order by s.region_code, s.id limit :limit", "limit", page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bindTo(em.createNativeQuery(sql.sql())).getResultList();
        return Page.of(rows.stream().map(r -> new StationReplica((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (UUID) r[4])).toList(), page.limit(), s -> s, s -> Cursor.of(s.regionCode(), s.id().toString()), uriInfo);
    }

    /** A replicated division. */
    @Schema(description = "A division as replicated from stations-service")
    public record RegionReplica(String code, String level, String parentCode) {
    }

    @GET
    @Path("/regions")
    @Operation(operationId = "listRegionReplicas", summary = "Replicated divisions under a parent (已复制的下级行政区划)",
            description = "The divisions directly under a parent that are not retired, e.g. the villages of a township, for a "
            + "client's home village. Any signed-in user. Keyset-paginated by code (limit ≤ 200, default 50; follow `next`).")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "parent is missing or not a division code (query.invalid), limit is "
            + "outside 1–" + PageRequest.MAX_LIMIT + " or the cursor is invalid")
    @Transactional
    public Page<RegionReplica> regions(
            @Parameter(description = "Code of the parent division (2, 4, 6 or 9 digits)", required = true,
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN), example = "330481001")
            @QueryParam("parent") String parent,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 1);
        String code = QueryParams.regionPrefix(parent, "parent");
        if (code == null) {
            throw Problems.invalidField("parent", "query.invalid", "parent", parent);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, level, parent_code from region_replica"
                + " where parent_code = ?1 and not retired and code > ?2 order by code limit ?3")
                .setParameter(1, code).setParameter(2, page.cursor() == null ? "" : page.cursor().key(0))
                .setParameter(3, page.fetchSize()).getResultList();
        return Page.of(rows.stream().map(r -> new RegionReplica((String) r[0], (String) r[1], (String) r[2])).toList(),
                page.limit(), r -> r, r -> Cursor.of(r.code()), uriInfo);
    }

    @GET
    @Path("/workers")
    @Operation(operationId = "listWorkerReplicas", summary = "Replicated workers (已复制的社工)",
            description = "Platform admins see all; bureau admins the workers actively assigned in their region; agency admins "
            + "their employees. agency narrows to one employer. Keyset-paginated by id (limit ≤ 200, default 50; follow `next`).")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "403", description = "Not a platform, bureau or agency admin (problem.forbidden.role)")
    @Transactional
    public Page<WorkerReplica> workers(
            @Parameter(description = "Only the employees of this agency (its id)") @QueryParam("agency") UUID agency,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 1);
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
        if (page.cursor() != null) {
            sql.append(" and w.id > :after", "after", page.cursor().uuid(0));
        }
        sql.append(" order by w.id limit :limit", "limit", page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bindTo(em.createNativeQuery(sql.sql())).getResultList();
        return Page.of(rows.stream().map(r -> new WorkerReplica((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (Boolean) r[5], ((String) r[6]).isEmpty() ? List.of()
                        : java.util.Arrays.stream(((String) r[6]).split(",")).map(UUID::fromString).toList())).toList(),
                page.limit(), w -> w, w -> Cursor.of(w.id().toString()), uriInfo);
    }
}
