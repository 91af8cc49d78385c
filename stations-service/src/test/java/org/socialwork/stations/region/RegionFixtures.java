package org.socialwork.stations.region;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.socialwork.infra.jwt.DevTokens;

import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Uploads division files to the import endpoint and waits for the job, as an operator would. */
public final class RegionFixtures {

    static final String ADMIN = DevTokens.mint(DevTokens.Caller.platformAdmin());
    static final String READER = DevTokens.mint(DevTokens.Caller.bureau("bureau-viewer", "33"));

    private static final String[] PARTS = {"provinces", "cities", "areas", "streets", "villages"};

    private RegionFixtures() {
    }

    /** The committed fixture directory {@code fixtures/divisions/<name>}. */
    public static Path fixture(String name) {
        URL url = RegionFixtures.class.getResource("/fixtures/divisions/" + name);
        if (url == null) {
            throw new IllegalStateException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The division files present in {@code directory}, by part name. */
    static Map<String, Path> filesIn(Path directory) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String part : PARTS) {
            Path file = directory.resolve(part + ".csv");
            if (Files.isRegularFile(file)) {
                files.put(part, file);
            }
        }
        return files;
    }

    public static RequestSpecification upload(String token, Map<String, Path> files) {
        RequestSpecification request = given().auth().oauth2(token).header("Accept-Language", "en");
        files.forEach((part, file) -> request.multiPart(part, file.toFile(), "text/csv"));
        return request;
    }

    /** Imports the files and returns the finished job (SUCCEEDED or FAILED). */
    static JsonPath importAndWait(Map<String, Path> files, Duration timeout) {
        String location = upload(ADMIN, files)
                .when().post("/api/v1/admin/region-imports")
                .then().statusCode(202).extract().header("Location");
        return awaitJob(location, timeout);
    }

    static JsonPath importFixture(String name) {
        JsonPath job = importAndWait(filesIn(fixture(name)), Duration.ofSeconds(30));
        if (!"SUCCEEDED".equals(job.getString("state"))) {
            throw new AssertionError("fixture import " + name + " failed: " + job.prettify());
        }
        return job;
    }

    public static JsonPath awaitJob(String location, Duration timeout) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = given().auth().oauth2(ADMIN).header("Accept-Language", "en")
                    .when().get(location).then().statusCode(200).extract().jsonPath();
            return Set.of("SUCCEEDED", "FAILED").contains(last[0].getString("state"));
        });
        return last[0];
    }

    static long queryLong(AgroalDataSource dataSource, String sql, Object... args) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
