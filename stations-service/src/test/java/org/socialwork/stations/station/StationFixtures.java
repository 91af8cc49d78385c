package org.socialwork.stations.station;

import static io.restassured.RestAssured.given;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.platform.time.BusinessClock;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Real divisions of Jiaxing (3304), read from Zhejiang's slice of the national list that the
 * repository commits as demo data, and helpers to create agencies and stations through the API.
 * Tests share one database, so each test takes fresh townships and creates its own agencies
 * instead of relying on what others left behind.
 */
public final class StationFixtures {

    public static final String HAINING = "330481";
    public static final String PINGHU = "330482";
    /** Jiaxing: tests that act as platform admin take townships here, so Haining's twelve last for the scope tests. */
    public static final String JIAXING = "3304";
    private static final Path DIVISIONS = Path.of("../deploy/local/demo-data/divisions-33");
    private static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static volatile boolean loaded;

    private StationFixtures() {
    }

    /** Inserts Zhejiang, Jiaxing, its counties, townships and villages (once per JVM). */
    public static synchronized void ensureRegions(DataSource dataSource) {
        if (loaded) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"33", "浙江省", "PROVINCE", null});
        rows.add(new String[] {"3304", "嘉兴市", "CITY", "33"});
        csv("areas.csv", "3304", r -> rows.add(new String[] {r[0], r[1], "COUNTY", "3304"}));
        csv("streets.csv", "3304", r -> rows.add(new String[] {r[0], r[1], "TOWNSHIP", r[2]}));
        csv("villages.csv", JIAXING, r -> rows.add(new String[] {r[0], r[1], "VILLAGE", r[2]}));
        OffsetDateTime now = Arc.container().instance(BusinessClock.class).get().now();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into region (code, name, level, parent_code, version, updated_at)
                        values (?, ?, ?, ?, 1, ?) on conflict do nothing""")) {
            for (String[] row : rows) {
                for (int i = 0; i < 4; i++) {
                    insert.setString(i + 1, row[i]);
                }
                insert.setObject(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        loaded = true;
    }

    /** A township under {@code county} that has no open township station yet. */
    public static String freeTownship(DataSource dataSource, String county) {
        return single(dataSource, """
                select r.code from region r where r.level = 'TOWNSHIP' and r.code like ? and not exists (
                    select 1 from station s where s.region_code = r.code and s.level = 'TOWNSHIP_STATION' and s.status <> 'CLOSED')
                order by r.code limit 1""", county + "%");
    }

    /** Some village of {@code township}. */
    public static String villageOf(DataSource dataSource, String township) {
        return single(dataSource, "select code from region where level = 'VILLAGE' and parent_code = ? order by code limit 1",
                township);
    }

    public static String single(DataSource dataSource, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String adminToken() {
        return DevTokens.mint(DevTokens.Caller.platformAdmin());
    }

    public static String bureauToken(String role, String region) {
        return DevTokens.mint(DevTokens.Caller.bureau(role, region));
    }

    public static String agencyAdminToken(String agencyId) {
        return DevTokens.mint(DevTokens.Caller.agencyAdmin(agencyId));
    }

    public static String roleToken(String role, String region) {
        return DevTokens.mint(new DevTokens.Caller(role + "-" + UUID.randomUUID(), Set.of(role), region, null, null));
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A valid unified social credit code of a social organisation registered in {@code county}; never all digits. */
    public static String creditCode(String county) {
        StringBuilder code = new StringBuilder("52").append(county).append("MJ");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 7; i++) {
            code.append(CREDIT_CHARSET.charAt(random.nextInt(CREDIT_CHARSET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARSET.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return code.append(CREDIT_CHARSET.charAt(check == 31 ? 0 : check)).toString();
    }

    public static Map<String, Object> agencyBody(String county) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "海宁市测试社会工作服务中心" + UUID.randomUUID().toString().substring(0, 6));
        body.put("creditCode", creditCode(county));
        body.put("legalForm", "SOCIAL_SERVICE_ORGANIZATION");
        body.put("registrationRegion", county);
        body.put("grade", "3A");
        body.put("gradeYear", 2023);
        body.put("contact", Map.of("person", "王主任", "email", "office@example.org", "address", "海宁市文苑路 1 号"));
        return body;
    }

    /** Registers an agency in {@code county} as platform admin and returns its id. */
    public static String createAgency(String county) {
        return as(adminToken()).body(agencyBody(county)).post("/api/v1/agencies")
                .then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> stationBody(String level, String regionCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "测试社工站 " + regionCode);
        body.put("level", level);
        body.put("regionCode", regionCode);
        body.put("address", "测试路 8 号");
        body.put("operationMode", "GOVERNMENT_RUN");
        return body;
    }

    /** Creates a station as platform admin and returns its id. */
    public static String createStation(Map<String, Object> body) {
        return as(adminToken()).body(body).post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }

    public static String etag(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    private interface RowSink {
        void accept(String[] row);
    }

    private static void csv(String file, String codePrefix, RowSink sink) {
        try (BufferedReader in = Files.newBufferedReader(DIVISIONS.resolve(file), StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(codePrefix)) {
                    sink.accept(line.replace("\"", "").split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
