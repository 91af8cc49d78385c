package org.socialwork.personnel.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.socialwork.personnel.worker.WorkerScope;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;

import io.quarkus.security.Authenticated;

/** The audit log of unmasked personal-data reads, for the bureau that supervises the workers read. */
@Path("/api/v1/personal-data-access")
@Tag(name = "Personal-data audit", description = "Who read which worker's ID number and phone, when and why (个人信息查阅审计)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataAccessResource {

    @Inject
    EntityManager em;

    @Inject
    CallerScope caller;

    @Inject
    WorkerScope scope;

    @Context
    UriInfo uriInfo;

    @GET
    @Transactional
    @Operation(operationId = "listPersonalDataAccess", summary = "List unmasked reads (个人信息查阅记录)",
            description = "Every read of a worker's ID number and phone unmasked (by a caller holding personal-data), newest "
                    + "first. Needs bureau-admin (reads of workers in its scope) or platform-admin. Keyset-paginated by "
                    + "(readAt, id): follow `next`. [from, to) bounds readAt.")
    @APIResponse(responseCode = "200", description = "One page, newest first")
    @APIResponse(responseCode = "400", description = "A malformed filter: worker not a UUID, from or to not a timestamp with "
            + "offset, limit outside 1–200, or a bad cursor")
    @APIResponse(responseCode = "403", description = "Only bureau-admin and platform-admin read the audit log")
    public Page<PersonalDataAccessView> list(
            @Parameter(description = "Only reads of this worker") @QueryParam("worker") UUID worker,
            @Parameter(description = "Only reads by this caller (the token's subject)", example = "hr-officer")
            @QueryParam("actor") String actor,
            @Parameter(description = "Reads at or after this instant (ISO 8601 with offset)", example = "2024-06-01T00:00:00+08:00")
            @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "Reads before this instant (ISO 8601 with offset)", example = "2024-07-01T00:00:00+08:00")
            @QueryParam("to") OffsetDateTime to,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page; absent for the first page")
            @QueryParam("cursor") String cursor) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        PageRequest page = PageRequest.of(limit, cursor, 2);
        NativeSql sql = new NativeSql().append("""
                select p.id, p.read_at, p.actor, p.actor_roles, p.actor_region, p.subject_id, p.fields, p.purpose
                from personal_data_access p join worker w on w.id = p.subject_id
                where p.subject_type = 'worker' and """);
        scope.scope(sql);
        if (worker != null) {
            sql.append(" and p.subject_id = :worker", "worker", worker);
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" and p.actor = :actor", "actor", actor.strip());
        }
        if (from != null) {
            sql.append(" and p.read_at >= :from", "from", from);
        }
        if (to != null) {
            sql.append(" and p.read_at < :to", "to", to);
        }
        if (page.cursor() != null) {
            sql.append(" and (p.read_at, p.id) < (:cursorAt, :cursorId)")
                    .bind("cursorAt", org.socialwork.platform.sql.Persistence.cursorTime(page.cursor()))
                    .bind("cursorId", org.socialwork.platform.sql.Persistence.cursorId(page.cursor()));
        }
        sql.append(" order by p.read_at desc, p.id desc limit :limit", "limit", page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.bindTo(em.createNativeQuery(sql.sql())).getResultList();
        List<PersonalDataAccessView> views = rows.stream().map(r -> new PersonalDataAccessView((UUID) r[0],
                toTime(r[1]), (String) r[2], (String) r[3], (String) r[4], (UUID) r[5], (String) r[6], (String) r[7]))
                .toList();
        return Page.of(views, page.limit(), v -> v, v -> Cursor.of(v.readAt().toString(), v.id().toString()), uriInfo);
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
