package org.socialwork.personnel.benchmark;

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
import org.socialwork.personnel.worker.WorkerSnapshots;
import org.socialwork.platform.personaldata.Masking;
import org.socialwork.platform.personaldata.PersonalDataCipher;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.sql.BareRows;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The bare counterparts of {@code GET /api/v1/workers/{id}} and of the worker list with a region
 * filter, for deploy/bench/api.sh: the SELECTs the real view runs (the worker row, its dishonesty
 * listing, certificates and active assignments; per listed worker the same), the same decryption
 * and masking of the ID number and phone, over plain JDBC, without token, scope, audit or entity
 * mapping. Built only into the bench profile's jars, never into the production jar.
 */
@IfBuildProfile("bench")
@Path("/bench/baseline/workers")
public class BaselineWorkerResource {

    private static final String WORKER = "select w.* from worker w where w.id = ?";

    private static final String PAGE = """
            select w.* from worker w where true and (false
             or exists (select 1 from agency_replica fa where fa.id = w.employer_agency_id
                and (fa.registration_region >= ? and fa.registration_region < ?))
             or exists (select 1 from assignment fx where fx.worker_id = w.id and fx.status = 'ACTIVE'
                and (fx.station_region_code >= ? and fx.station_region_code < ?)))
            order by w.updated_at, w.id limit ?""";

    private static final String LISTING = """
            select max(expires_on) as until from dishonesty_listing
            where worker_id = ? and delisted_on is null and expires_on > ?""";

    private static final String CERTIFICATES = "select * from certificate where worker_id = ? order by issued_on, number";

    private static final String ASSIGNMENTS = """
            select id, station_id, role, full_time, valid_from from assignment
            where worker_id = ? and status = 'ACTIVE' order by valid_from, id""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    BusinessClock clock;

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> get(@PathParam("id") UUID id) throws SQLException {
        List<Map<String, Object>> rows = BareRows.query(dataSource, WORKER, id);
        if (rows.isEmpty()) {
            throw Problems.notFound("worker", id);
        }
        return view(rows.get(0));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> list(@QueryParam("region") String region, @QueryParam("limit") @DefaultValue("50") int limit)
            throws SQLException {
        String end = NativeSql.subtreeEnd(region);
        List<Map<String, Object>> rows = BareRows.query(dataSource, PAGE, region, end, region, end, limit + 1);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(view(row));
        }
        return Map.of("items", items);
    }

    private Map<String, Object> view(Map<String, Object> row) throws SQLException {
        UUID id = UUID.fromString((String) row.get("id"));
        String idNumber = cipher.decrypt(WorkerSnapshots.ID_NUMBER_FIELD, (String) row.remove("id_number_enc"));
        String phone = cipher.decrypt(WorkerSnapshots.PHONE_FIELD, (String) row.remove("phone_enc"));
        row.remove("id_number_index");
        row.remove("phone_index");
        row.put("idNumber", Masking.idNumber(idNumber));
        row.put("phone", Masking.phone(phone));
        row.put("listedUntil", BareRows.query(dataSource, LISTING, id, clock.today()).get(0).get("until"));
        row.put("certificates", BareRows.query(dataSource, CERTIFICATES, id));
        row.put("assignments", BareRows.query(dataSource, ASSIGNMENTS, id));
        return row;
    }
}
