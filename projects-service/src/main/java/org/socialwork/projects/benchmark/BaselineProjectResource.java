package org.socialwork.projects.benchmark;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.socialwork.platform.personaldata.Masking;
import org.socialwork.platform.personaldata.PersonalDataCipher;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.sql.BareRows;
import org.socialwork.platform.sql.NativeSql;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The bare counterparts of {@code GET /api/v1/projects/{id}}, the project list with a region filter
 * and {@code GET /api/v1/clients/{id}} (masked), for deploy/bench/api.sh: the SELECTs the real
 * views run (the project row, its team and its count of team changes, per listed project the
 * same; the client row, decrypted and masked), over plain JDBC, without token, scope or entity
 * mapping. Built only into the bench profile's jars, never into the production jar.
 */
@IfBuildProfile("bench")
@Path("/bench/baseline")
public class BaselineProjectResource {

    /** The cipher fields of the client entity (package-private there): the same keys decrypt here. */
    private static final String CLIENT_ID_NUMBER = "client.id_number";
    private static final String CLIENT_PHONE = "client.phone";

    private static final String PROJECT = "select p.* from project p where p.id = ?";

    private static final String PAGE = """
            select p.* from project p where true and (p.purchaser_region_code >= ? and p.purchaser_region_code < ?)
            order by p.updated_at, p.id limit ?""";

    private static final String TEAM = "select worker_id, role, since from project_member where project_id = ? order by since, worker_id";

    private static final String TEAM_CHANGES = "select count(*) as changes from project_team_change where project_id = ?";

    private static final String CLIENT = "select c.* from client c where c.id = ?";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    @GET
    @Path("/projects/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> project(@PathParam("id") UUID id) throws SQLException {
        List<Map<String, Object>> rows = BareRows.query(dataSource, PROJECT, id);
        if (rows.isEmpty()) {
            throw Problems.notFound("project", id);
        }
        return view(rows.get(0));
    }

    @GET
    @Path("/projects")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> projects(@QueryParam("region") String region, @QueryParam("limit") @DefaultValue("50") int limit)
            throws SQLException {
        List<Map<String, Object>> rows = BareRows.query(dataSource, PAGE, region, NativeSql.subtreeEnd(region), limit + 1);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(view(row));
        }
        return Map.of("items", items);
    }

    @GET
    @Path("/clients/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> client(@PathParam("id") UUID id) throws SQLException {
        List<Map<String, Object>> rows = BareRows.query(dataSource, CLIENT, id);
        if (rows.isEmpty()) {
            throw Problems.notFound("client", id);
        }
        Map<String, Object> row = rows.get(0);
        row.put("idNumber", Masking.idNumber(cipher.decrypt(CLIENT_ID_NUMBER, (String) row.remove("id_number_enc"))));
        row.put("phone", Masking.phone(cipher.decrypt(CLIENT_PHONE, (String) row.remove("phone_enc"))));
        row.remove("id_number_index");
        return row;
    }

    private Map<String, Object> view(Map<String, Object> row) throws SQLException {
        UUID id = UUID.fromString((String) row.get("id"));
        row.put("team", BareRows.query(dataSource, TEAM, id));
        row.put("teamChanges", BareRows.query(dataSource, TEAM_CHANGES, id).get(0).get("changes"));
        return row;
    }
}
