package org.socialwork.stations.station;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.socialwork.stations.station.StationFixtures.HAINING;
import static org.socialwork.stations.station.StationFixtures.JIAXING;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.as;
import static org.socialwork.stations.station.StationFixtures.createStation;
import static org.socialwork.stations.station.StationFixtures.freeTownship;
import static org.socialwork.stations.station.StationFixtures.stationBody;
import static org.socialwork.stations.station.StationFixtures.villageOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StationRefusalTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @BeforeEach
    void regions() {
        StationFixtures.ensureRegions(dataSource);
    }

    @Test
    void aTownshipStationCannotSitOnACountyCode() {
        as(adminToken()).body(stationBody("TOWNSHIP_STATION", HAINING)).post("/api/v1/stations")
                .then().statusCode(422)
                .body("type", equalTo("urn:socialwork:problem:rule-violation"))
                .body("code", equalTo("station.region.level"));
    }

    @Test
    void anUnknownRegionIsRefused() {
        as(adminToken()).body(stationBody("TOWNSHIP_STATION", "330481999")).post("/api/v1/stations")
                .then().statusCode(422).body("code", equalTo("station.region.unknown"));
    }

    @Test
    void theParentMustBeOneLevelUpAndContainTheRegion() {
        String township = freeTownship(dataSource, JIAXING);
        String townshipStation = createStation(stationBody("TOWNSHIP_STATION", township));

        Map<String, Object> wrongLevel = stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING));
        wrongLevel.put("parentId", townshipStation);
        as(adminToken()).body(wrongLevel).post("/api/v1/stations")
                .then().statusCode(422).body("code", equalTo("station.parent.level"));

        String otherTownship = freeTownship(dataSource, JIAXING);
        Map<String, Object> outside = stationBody("VILLAGE_ROOM", villageOf(dataSource, otherTownship));
        outside.put("parentId", townshipStation);
        as(adminToken()).body(outside).post("/api/v1/stations")
                .then().statusCode(422).body("code", equalTo("station.parent.region"));

        Map<String, Object> inside = stationBody("VILLAGE_ROOM", villageOf(dataSource, township));
        inside.put("parentId", townshipStation);
        as(adminToken()).body(inside).post("/api/v1/stations")
                .then().statusCode(201).body("parentId", equalTo(townshipStation));
    }

    @Test
    void aTownshipHasOnlyOneOpenTownshipStation() {
        String township = freeTownship(dataSource, JIAXING);
        String first = createStation(stationBody("TOWNSHIP_STATION", township));

        as(adminToken()).body(stationBody("TOWNSHIP_STATION", township)).post("/api/v1/stations")
                .then().statusCode(409)
                .body("type", equalTo("urn:socialwork:problem:conflict"))
                .body("code", equalTo("station.region.occupied"));

        String etag = StationFixtures.etag(adminToken(), "/api/v1/stations/" + first);
        as(adminToken()).header("If-Match", etag)
                .body(Map.of("to", "CLOSED", "effectiveDate", "2024-01-01", "reason", "合并"))
                .post("/api/v1/stations/" + first + "/transitions").then().statusCode(200);
        // Once the first is closed the township may get a new one.
        createStation(stationBody("TOWNSHIP_STATION", township));
    }

    @Test
    void theDatabaseBacksTheOneStationPerTownshipRule() {
        String township = freeTownship(dataSource, JIAXING);
        createStation(stationBody("TOWNSHIP_STATION", township));
        String error = null;
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement("""
                insert into station (id, name, level, region_code, status, operation_mode, version, created_at, updated_at)
                values (?, 'bypass', 'TOWNSHIP_STATION', ?, 'PLANNED', 'GOVERNMENT_RUN', 0, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, township);
            OffsetDateTime now = clock.now();
            insert.setObject(3, now);
            insert.setObject(4, now);
            insert.executeUpdate();
        } catch (java.sql.SQLException e) {
            error = e.getMessage();
        }
        assertThat(error).contains("station_one_township_station");
    }

    @Test
    void aTransitionCannotBeDatedAfterTodayAndChangesNothing() {
        String id = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)));
        String path = "/api/v1/stations/" + id;
        String etag = StationFixtures.etag(adminToken(), path);
        as(adminToken()).header("If-Match", etag)
                .body(Map.of("to", "ESTABLISHED", "effectiveDate", clock.today().plusDays(1).toString()))
                .post(path + "/transitions").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveDate"))
                .body("code", equalTo("station.transition.future"));
        as(adminToken()).get(path).then().statusCode(200).body("status", equalTo("PLANNED")).header("ETag", etag);
        as(adminToken()).header("If-Match", etag)
                .body(Map.of("to", "ESTABLISHED", "effectiveDate", clock.today().toString()))
                .post(path + "/transitions").then().statusCode(200);
    }

    @Test
    void anIllegalTransitionNamesBothStatuses() {
        String id = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)));
        String etag = StationFixtures.etag(adminToken(), "/api/v1/stations/" + id);
        as(adminToken()).header("Accept-Language", "en").header("If-Match", etag)
                .body(Map.of("to", "OPERATING", "effectiveDate", "2024-01-01"))
                .post("/api/v1/stations/" + id + "/transitions")
                .then().statusCode(422)
                .body("code", equalTo("station.transition.illegal"))
                .body("detail", containsString("PLANNED")).body("detail", containsString("OPERATING"));
    }

    @Test
    void unknownFieldsAndServerManagedFieldsAreRefused() {
        Map<String, Object> body = stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING));
        body.put("status", "OPERATING");
        as(adminToken()).body(body).post("/api/v1/stations")
                .then().statusCode(400)
                .body("type", equalTo("urn:socialwork:problem:unknown-field"))
                .body("errors.field", hasItem("status"));
    }

    @Test
    void changesNeedACurrentIfMatch() {
        String id = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)));
        Map<String, Object> update = Map.of("name", "改名", "operationMode", "GOVERNMENT_RUN");
        as(adminToken()).body(update).put("/api/v1/stations/" + id)
                .then().statusCode(428).body("type", equalTo("urn:socialwork:problem:precondition-required"));
        String etag = StationFixtures.etag(adminToken(), "/api/v1/stations/" + id);
        as(adminToken()).header("If-Match", etag).body(update).put("/api/v1/stations/" + id).then().statusCode(200);
        as(adminToken()).header("If-Match", etag).body(Map.of("name", "再改", "operationMode", "GOVERNMENT_RUN"))
                .put("/api/v1/stations/" + id)
                .then().statusCode(412).body("type", equalTo("urn:socialwork:problem:precondition-failed"));
        as(adminToken()).get("/api/v1/stations/" + id).then().body("name", equalTo("改名"));
    }

    @Test
    void anIdempotencyKeyReplaysItsStationAndRefusesAnotherBody() {
        String township = freeTownship(dataSource, JIAXING);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = stationBody("TOWNSHIP_STATION", township);
        String first = as(adminToken()).header("Idempotency-Key", key).body(body).post("/api/v1/stations")
                .then().statusCode(201).extract().path("id");
        as(adminToken()).header("Idempotency-Key", key).body(body).post("/api/v1/stations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        String count = StationFixtures.single(dataSource,
                "select count(*) from station where region_code = ? and level = 'TOWNSHIP_STATION'", township);
        assertThat(count).isEqualTo("1");

        Map<String, Object> other = stationBody("TOWNSHIP_STATION", township);
        other.put("name", "另一个站");
        as(adminToken()).header("Idempotency-Key", key).body(other).post("/api/v1/stations")
                .then().statusCode(422).body("type", equalTo("urn:socialwork:problem:idempotency-key-reused"));
    }

    @Test
    void purchasedServiceNeedsAnActiveAgencyAndGovernmentRunNone() {
        Map<String, Object> body = stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING));
        body.put("operationMode", "PURCHASED_SERVICE");
        as(adminToken()).body(body).post("/api/v1/stations")
                .then().statusCode(422).body("code", equalTo("station.operation.agency-required"));
        body.put("agencyId", UUID.randomUUID().toString());
        as(adminToken()).body(body).post("/api/v1/stations")
                .then().statusCode(422).body("code", equalTo("station.operation.agency-unknown"));
        body.put("operationMode", "GOVERNMENT_RUN");
        body.put("agencyId", StationFixtures.createAgency(HAINING));
        as(adminToken()).body(body).post("/api/v1/stations")
                .then().statusCode(422).body("code", equalTo("station.operation.agency-forbidden"));
    }

    @Test
    void positionsOutsideChinaAreRefusedWithTheField() {
        Map<String, Object> body = stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING));
        body.put("position", Map.of("latitude", 48.85, "longitude", 2.35, "crs", "WGS84"));
        as(adminToken()).body(body).post("/api/v1/stations")
                .then().statusCode(400).body("errors.field", hasItem("position.longitude"));
    }

    @Test
    void aViewerMayNotCreate() {
        as(StationFixtures.bureauToken("bureau-viewer", HAINING))
                .body(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, HAINING))).post("/api/v1/stations")
                .then().statusCode(403);
        as(StationFixtures.bureauToken("bureau-admin", StationFixtures.PINGHU))
                .body(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, HAINING))).post("/api/v1/stations")
                .then().statusCode(403);
    }

    @Test
    void aContactNoteMayNotCarryAPhoneNumber() {
        Map<String, Object> body = stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING));
        body.put("contactNote", "请联系王女士13912345678");
        as(adminToken()).body(body).post("/api/v1/stations")
                .then().statusCode(400).body("errors.field", hasItem("contactNote"));
    }

    @Test
    void aClosedStationTakesNoStandardAssessment() {
        String id = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, JIAXING)));
        String path = "/api/v1/stations/" + id;
        as(adminToken()).header("If-Match", StationFixtures.etag(adminToken(), path))
                .body(Map.of("to", "CLOSED", "effectiveDate", clock.today().toString(), "reason", "撤并"))
                .post(path + "/transitions").then().statusCode(200);
        String etag = StationFixtures.etag(adminToken(), path);

        as(adminToken()).header("If-Match", etag).body(StationLifecycleTest.standard(true)).put(path + "/standard")
                .then().statusCode(422).body("code", equalTo("station.closed"));
        as(adminToken()).get(path).then().statusCode(200).header("ETag", etag).body("meetsStandard", equalTo(false));
    }

    @Test
    void aRegionFilterMustBeADivisionCodeOfSomeLevel() {
        for (String notADivision : new String[] {"330", "33048", "3304810", "3304810010"}) {
            as(adminToken()).get("/api/v1/stations?region=" + notADivision).then().statusCode(400)
                    .body("errors[0].field", equalTo("region"));
        }
        for (String division : new String[] {"33", "3304", "330481", "330481001"}) {
            as(adminToken()).get("/api/v1/stations?region=" + division).then().statusCode(200);
        }
    }
}
