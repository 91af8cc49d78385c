package org.socialwork.reporting.benchmark;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.sql.BareRows;
import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The bare counterparts of {@code GET /api/v1/dashboards/coverage?region=R} (today) and of the
 * warning list with a region filter, for deploy/bench/api.sh: the statements DashboardService and
 * WarningRepository run (the active generation, the region, the cover units, the changes after
 * the day, the children's names, the year's target; one page of warnings of the subtree) over
 * plain JDBC, without token, scope or view records. Built only into the bench profile's jars,
 * never into the production jar.
 */
@IfBuildProfile("bench")
@Path("/bench/baseline")
public class BaselineReportingResource {

    private static final String GENERATION = "select gen from model_generation where state = 'ACTIVE'";
    private static final String REGION = "select code, name, level from rm_region where gen = ? and code = ?";
    private static final String UNITS = """
            select scope, kind, units, covered from ru_cover_units where gen = ? and level = ? and scope >= ? and scope < ?""";
    private static final String LATER = """
            select scope, kind, sum(delta) as delta from (
              select scope, kind, delta from ru_cover_day where gen = ? and level = ? and scope >= ? and scope < ?
                and day > ? and day < ?
              union all
              select scope, kind, delta from ru_cover_month where gen = ? and level = ? and scope >= ? and scope < ?
                and month >= ?) later
            group by scope, kind""";
    private static final String NAMES = "select code, name from rm_region where gen = ? and code = any(?)";
    private static final String TARGET = "select target_percent from coverage_target where region_code = ? and year = ?";
    private static final String WARNINGS = """
            select w.* from warning w where w.region_code >= ? and w.region_code < ?
            order by w.raised_at desc, w.id limit ?""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @GET
    @Path("/dashboards/coverage")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> coverage(@QueryParam("region") String code) throws SQLException {
        int gen = Integer.parseInt((String) BareRows.query(dataSource, GENERATION).get(0).get("gen"));
        List<Map<String, Object>> region = BareRows.query(dataSource, REGION, gen, code);
        if (region.isEmpty()) {
            throw Problems.notFound("region", code);
        }
        int child = switch (code.length()) {
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            case 9 -> 12;
            default -> 0;
        };
        int group = child == 0 ? code.length() : child;
        String end = NativeSql.subtreeEnd(code);
        LocalDate day = clock.today();
        LocalDate nextMonth = day.withDayOfMonth(1).plusMonths(1);
        Map<String, long[]> cover = new TreeMap<>();
        for (Map<String, Object> row : BareRows.query(dataSource, UNITS, gen, group, code, end)) {
            long[] v = cover.computeIfAbsent((String) row.get("scope"), k -> new long[4]);
            int at = "TOWNSHIP".equals(row.get("kind")) ? 0 : 2;
            v[at] = Long.parseLong((String) row.get("units"));
            v[at + 1] = Long.parseLong((String) row.get("covered"));
        }
        for (Map<String, Object> row : BareRows.query(dataSource, LATER, gen, group, code, end, day, nextMonth,
                gen, group, code, end, nextMonth)) {
            cover.computeIfAbsent((String) row.get("scope"), k -> new long[4])[
                    "TOWNSHIP".equals(row.get("kind")) ? 1 : 3] -= Long.parseLong((String) row.get("delta"));
        }
        long[] total = new long[4];
        cover.values().forEach(v -> {
            for (int i = 0; i < 4; i++) {
                total[i] += v[i];
            }
        });
        String[] children = cover.keySet().stream().filter(c -> c.length() == child).toArray(String[]::new);
        List<Map<String, Object>> names = child == 0 || children.length == 0 ? List.of()
                : BareRows.query(dataSource, NAMES, gen, children);
        List<Map<String, Object>> target = BareRows.query(dataSource, TARGET, code, day.getYear());
        return Map.of("region", region.get(0), "on", day.toString(), "total", total, "children", cover,
                "names", names, "target", target);
    }

    @GET
    @Path("/warnings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> warnings(@QueryParam("region") String region, @QueryParam("limit") @DefaultValue("50") int limit)
            throws SQLException {
        List<Map<String, Object>> rows = BareRows.query(dataSource, WARNINGS, region, NativeSql.subtreeEnd(region), limit + 1);
        return Map.of("items", rows.size() > limit ? rows.subList(0, limit) : rows);
    }
}
