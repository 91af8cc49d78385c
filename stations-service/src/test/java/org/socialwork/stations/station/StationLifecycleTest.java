package org.socialwork.stations.station;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.socialwork.stations.station.StationFixtures.HAINING;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.as;
import static org.socialwork.stations.station.StationFixtures.createStation;
import static org.socialwork.stations.station.StationFixtures.freeTownship;
import static org.socialwork.stations.station.StationFixtures.stationBody;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StationLifecycleTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void regions() {
        StationFixtures.ensureRegions(dataSource);
    }

    @Test
    void aStationGoesThroughItsLifecycleAndKeepsEveryStep() {
        String bureau = StationFixtures.bureauToken("bureau-admin", HAINING);
        String id = as(bureau).body(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, HAINING)))
                .post("/api/v1/stations").then().statusCode(201)
                .body("status", equalTo("PLANNED")).extract().path("id");
        String path = "/api/v1/stations/" + id;

        transition(bureau, path, "ESTABLISHED", "2024-01-10", "挂牌");
        transition(bureau, path, "OPERATING", "2024-02-01", "入驻");
        transition(bureau, path, "SUSPENDED", "2024-05-01", "装修");
        transition(bureau, path, "OPERATING", "2024-06-01", null);
        transition(bureau, path, "CLOSED", "2024-12-31", "撤并");

        as(bureau).get(path).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("establishedOn", equalTo("2024-01-10"))
                .body("version", equalTo(5));
        as(bureau).get(path + "/history").then().statusCode(200)
                .body("", hasSize(5))
                .body("from", contains("PLANNED", "ESTABLISHED", "OPERATING", "SUSPENDED", "OPERATING"))
                .body("to", contains("ESTABLISHED", "OPERATING", "SUSPENDED", "OPERATING", "CLOSED"))
                .body("effectiveDate[0]", equalTo("2024-01-10"))
                .body("reason[2]", equalTo("装修"))
                .body("changedBy[0]", equalTo("bureau-admin-" + HAINING));

        // Nothing leaves CLOSED.
        String etag = StationFixtures.etag(bureau, path);
        as(bureau).header("If-Match", etag).body(Map.of("to", "OPERATING", "effectiveDate", "2025-01-01"))
                .post(path + "/transitions").then().statusCode(422).body("code", equalTo("station.transition.illegal"));
    }

    @Test
    void aViewerCannotChangeStatus() {
        String id = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, HAINING)));
        String viewer = StationFixtures.bureauToken("bureau-viewer", HAINING);
        String etag = StationFixtures.etag(viewer, "/api/v1/stations/" + id);
        as(viewer).header("If-Match", etag).body(Map.of("to", "ESTABLISHED", "effectiveDate", "2024-01-01"))
                .post("/api/v1/stations/" + id + "/transitions").then().statusCode(403);
    }

    @Test
    void onlyAllSixCriteriaMetMakeAnOperatingStationBuiltAndOperating() {
        String id = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, HAINING)));
        String path = "/api/v1/stations/" + id;
        transition(adminToken(), path, "ESTABLISHED", "2024-01-10", null);
        transition(adminToken(), path, "OPERATING", "2024-02-01", null);

        Map<String, Object> standard = standard(true);
        standard.put("writtenRules", Map.of("met", false, "evidence", "制度未上墙", "assessedOn", "2024-06-01"));
        putStandard(path, standard).body("meetsStandard", equalTo(false)).body("builtAndOperating", equalTo(false))
                .body("standard.writtenRules.evidence", equalTo("制度未上墙"));

        putStandard(path, standard(true)).body("meetsStandard", equalTo(true)).body("builtAndOperating", equalTo(true))
                .body("standard.site.assessedOn", equalTo("2024-06-01"));

        transition(adminToken(), path, "SUSPENDED", "2024-07-01", null);
        as(adminToken()).get(path).then().body("meetsStandard", equalTo(true)).body("builtAndOperating", equalTo(false));
    }

    @Test
    void theStandardNeedsAllSixCriteria() {
        String id = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, HAINING)));
        Map<String, Object> standard = standard(true);
        standard.remove("workflow");
        String etag = StationFixtures.etag(adminToken(), "/api/v1/stations/" + id);
        as(adminToken()).header("If-Match", etag).body(standard).put("/api/v1/stations/" + id + "/standard")
                .then().statusCode(400).body("errors.field", contains("workflow"));
    }

    static Map<String, Object> standard(boolean met) {
        Map<String, Object> standard = new LinkedHashMap<>();
        for (String criterion : new String[] {"site", "equipment", "staff", "serviceFunctions", "workflow", "writtenRules"}) {
            standard.put(criterion, Map.of("met", met, "evidence", "现场核查", "assessedOn", "2024-06-01"));
        }
        return standard;
    }

    private static io.restassured.response.ValidatableResponse putStandard(String path, Map<String, Object> standard) {
        String etag = StationFixtures.etag(adminToken(), path);
        return as(adminToken()).header("If-Match", etag).body(standard).put(path + "/standard").then().statusCode(200);
    }

    static void transition(String token, String path, String to, String effectiveDate, String reason) {
        String etag = StationFixtures.etag(token, path);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("effectiveDate", effectiveDate);
        if (reason != null) {
            body.put("reason", reason);
        }
        as(token).header("If-Match", etag).body(body).post(path + "/transitions")
                .then().statusCode(200).body("status", equalTo(to));
    }
}
