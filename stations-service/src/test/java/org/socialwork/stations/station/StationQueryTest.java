package org.socialwork.stations.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.socialwork.stations.station.StationFixtures.HAINING;
import static org.socialwork.stations.station.StationFixtures.PINGHU;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.as;
import static org.socialwork.stations.station.StationFixtures.createAgency;
import static org.socialwork.stations.station.StationFixtures.createStation;
import static org.socialwork.stations.station.StationFixtures.freeTownship;
import static org.socialwork.stations.station.StationFixtures.stationBody;
import static org.socialwork.stations.station.StationFixtures.villageOf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

@QuarkusTest
class StationQueryTest {

    // A point in Haining, away from anything other tests place.
    private static final double LAT = 30.4300;
    private static final double LON = 120.5700;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void regions() {
        StationFixtures.ensureRegions(dataSource);
    }

    @Test
    void nearbyStationsComeNearestFirstWithTheirDistance() {
        String village = villageOf(dataSource, freeTownship(dataSource, HAINING));
        String far = placed(village, "三公里", 0.027, 0);
        String near = placed(village, "三百米", 0.0027, 0);
        String middle = placed(village, "一公里", 0, 0.0104);
        String outside = placed(village, "八公里", 0.072, 0);

        Response response = as(adminToken()).queryParam("lat", LAT).queryParam("lon", LON).queryParam("radiusKm", 5)
                .get("/api/v1/stations/near").then().statusCode(200).extract().response();
        List<String> ids = response.path("items.id");
        List<String> mine = ids.stream().filter(List.of(far, near, middle, outside)::contains).toList();
        assertThat(mine).containsExactly(near, middle, far);
        float nearDistance = response.path("items.find { it.id == '" + near + "' }.distanceM");
        assertThat(nearDistance).isBetween(290f, 310f);
        float farDistance = response.path("items.find { it.id == '" + far + "' }.distanceM");
        assertThat(farDistance).isBetween(2950f, 3050f);

        // A point that is not a number is refused by name, not answered with an empty list.
        for (String bad : List.of("NaN", "Infinity", "abc")) {
            as(adminToken()).queryParam("lat", bad).queryParam("lon", LON).get("/api/v1/stations/near").then()
                    .statusCode(400).body("errors[0].field", equalTo("lat"));
        }
    }

    @Test
    void aGcj02PositionIsStoredWithItsWgs84Original() {
        double wgsLat = 30.5120;
        double wgsLon = 120.6800;
        double[] gcj = Gcj02.fromWgs84(wgsLat, wgsLon);
        assertThat(metres(wgsLat, wgsLon, gcj[0], gcj[1])).as("GCJ-02 offset").isGreaterThan(200);

        Map<String, Object> body = stationBody("VILLAGE_ROOM", villageOf(dataSource, freeTownship(dataSource, HAINING)));
        body.put("position", Map.of("latitude", gcj[0], "longitude", gcj[1], "crs", "GCJ02"));
        String id = createStation(body);

        JsonPath station = as(adminToken()).get("/api/v1/stations/" + id).then().statusCode(200)
                .body("position.crs", equalTo("GCJ02")).extract().jsonPath(
                        JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        double storedLat = station.getDouble("position.wgs84Latitude");
        double storedLon = station.getDouble("position.wgs84Longitude");
        assertThat(metres(wgsLat, wgsLon, storedLat, storedLon)).isLessThan(20);
        assertThat(station.getDouble("position.latitude")).isEqualTo(gcj[0]);

        // The same GCJ-02 point asked for through the nearby query finds the station at (almost) zero distance.
        Response nearby = as(adminToken()).queryParam("lat", gcj[0]).queryParam("lon", gcj[1]).queryParam("crs", "GCJ02")
                .queryParam("radiusKm", 1).get("/api/v1/stations/near").then().statusCode(200).extract().response();
        float distance = nearby.path("items.find { it.id == '" + id + "' }.distanceM");
        assertThat(distance).isLessThan(20f);
    }

    @Test
    void listFiltersCombineAndTheCursorWalksEveryRowOnce() {
        String agency = createAgency(HAINING);
        String townshipA = freeTownship(dataSource, HAINING);
        String townshipB = nextTownship(townshipA);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = stationBody("VILLAGE_ROOM", villageOf(dataSource, i < 3 ? townshipA : townshipB));
            body.put("name", "社工室" + i);
            body.put("operationMode", "PURCHASED_SERVICE");
            body.put("agencyId", agency);
            if (i < 2) {
                body.put("designations", List.of(Map.of("kind", "PILOT", "level", "PROVINCIAL", "year", 2023)));
            }
            created.add(createStation(body));
        }
        String path = "/api/v1/stations/" + created.get(4);
        String etag = StationFixtures.etag(adminToken(), path);
        as(adminToken()).header("If-Match", etag).body(StationLifecycleTest.standard(true)).put(path + "/standard")
                .then().statusCode(200);

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(adminToken()).queryParam("agency", agency).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/stations").then().statusCode(200).extract().response();
            walked.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(walked).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();

        assertIds(Map.of("agency", agency, "designation", "PILOT"), created.get(0), created.get(1));
        assertIds(Map.of("agency", agency, "meetsStandard", "true"), created.get(4));
        assertIds(Map.of("agency", agency, "region", townshipB), created.get(3), created.get(4));
        assertIds(Map.of("agency", agency, "level", "VILLAGE_ROOM", "status", "PLANNED"), created.toArray(String[]::new));
        assertIds(Map.of("agency", agency, "status", "OPERATING"));
        String latest = as(adminToken()).get(path).then().extract().path("updatedAt");
        assertIds(Map.of("agency", agency, "updatedSince", latest), created.get(4));

        as(adminToken()).queryParam("cursor", "not-a-cursor").get("/api/v1/stations")
                .then().statusCode(400).body("type", equalTo("urn:socialwork:problem:invalid-cursor"));
        as(adminToken()).queryParam("level", "HAMLET").get("/api/v1/stations")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("level"));
    }

    @Test
    void theCsvExportHasABomAHeaderAndEveryMatchingRow() {
        String agency = createAgency(HAINING);
        String village = villageOf(dataSource, freeTownship(dataSource, HAINING));
        List<String> names = List.of("许村镇社工室", "长安镇社工室, 东区", "=HYPERLINK(\"x\")");
        for (String name : names) {
            Map<String, Object> body = stationBody("VILLAGE_ROOM", village);
            body.put("name", name);
            body.put("operationMode", "PURCHASED_SERVICE");
            body.put("agencyId", agency);
            createStation(body);
        }
        Response csv = StationFixtures.as(adminToken()).accept("text/csv").queryParam("agency", agency)
                .get("/api/v1/stations/export.csv").then().statusCode(200).extract().response();
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("stations.csv");
        byte[] bytes = csv.asByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("id,name,level,regionCode,regionName,status");
        assertThat(text).contains(",许村镇社工室,VILLAGE_ROOM," + village + ",")
                .contains(",\"长安镇社工室, 东区\",")
                .contains(",\"'=HYPERLINK(\"\"x\"\")\",");
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).contains(agency);
        }
    }

    @Test
    void aCountyBureauNeitherSeesNorChangesAnotherCountysStation() {
        String pinghu = createStation(stationBody("TOWNSHIP_STATION", freeTownship(dataSource, PINGHU)));
        String path = "/api/v1/stations/" + pinghu;
        String haining = StationFixtures.bureauToken("bureau-admin", HAINING);

        as(haining).get(path).then().statusCode(404).body("type", equalTo("urn:socialwork:problem:not-found"));
        as(haining).header("If-Match", "\"0\"").body(Map.of("name", "越权", "operationMode", "GOVERNMENT_RUN"))
                .put(path).then().statusCode(404);
        as(haining).header("If-Match", "\"0\"").body(Map.of("to", "ESTABLISHED", "effectiveDate", "2024-01-01"))
                .post(path + "/transitions").then().statusCode(404);
        as(haining).get(path + "/history").then().statusCode(404);
        as(haining).queryParam("region", PINGHU).get("/api/v1/stations").then().statusCode(200).body("items", hasSize(0));

        as(StationFixtures.bureauToken("bureau-viewer", PINGHU)).get(path).then().statusCode(200);
        as(StationFixtures.roleToken("field-worker", PINGHU)).get(path).then().statusCode(200);
        as(StationFixtures.roleToken("dashboard", HAINING)).get(path).then().statusCode(404);
        // The dashboard role reads aggregates in reporting-service, not stations, even in its own region.
        String dashboard = StationFixtures.roleToken("dashboard", PINGHU);
        as(dashboard).get(path).then().statusCode(404);
        as(dashboard).get(path + "/history").then().statusCode(404);
        as(dashboard).queryParam("region", PINGHU).get("/api/v1/stations").then().statusCode(403);
    }

    @Test
    void anAgencyAdminSeesAndDescribesOnlyItsOwnStations() {
        String agency = createAgency(HAINING);
        String other = createAgency(HAINING);
        String township = freeTownship(dataSource, HAINING);
        Map<String, Object> body = stationBody("VILLAGE_ROOM", villageOf(dataSource, township));
        body.put("operationMode", "PURCHASED_SERVICE");
        body.put("agencyId", agency);
        String own = createStation(body);
        body.put("agencyId", other);
        String foreign = createStation(body);
        String token = StationFixtures.agencyAdminToken(agency);

        as(token).get("/api/v1/stations").then().statusCode(200)
                .body("items", hasSize(1)).body("items.agencyId", everyItem(equalTo(agency)))
                .body("items[0].id", equalTo(own));
        as(token).get("/api/v1/stations/" + foreign).then().statusCode(404);

        String etag = StationFixtures.etag(token, "/api/v1/stations/" + own);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", "机构自述的名称");
        profile.put("operationMode", "PURCHASED_SERVICE");
        profile.put("agencyId", agency);
        profile.put("facilities", Map.of("floorAreaM2", 85.5, "rooms", List.of("OFFICE", "RECEPTION"),
                "coLocations", List.of("ELDERLY_CARE_FACILITY")));
        String newEtag = as(token).header("If-Match", etag).body(profile).put("/api/v1/stations/" + own)
                .then().statusCode(200).body("name", equalTo("机构自述的名称"))
                .body("facilities.rooms", org.hamcrest.Matchers.contains("RECEPTION", "OFFICE"))
                .body("agencyName", org.hamcrest.Matchers.notNullValue())
                .extract().header("ETag");

        profile.put("agencyId", other);
        as(token).header("If-Match", newEtag).body(profile).put("/api/v1/stations/" + own).then().statusCode(403);
        as(token).header("If-Match", newEtag).body(Map.of("to", "ESTABLISHED", "effectiveDate", "2024-01-01"))
                .post("/api/v1/stations/" + own + "/transitions").then().statusCode(403);
        Map<String, Object> create = stationBody("VILLAGE_ROOM", villageOf(dataSource, township));
        as(token).body(create).post("/api/v1/stations").then().statusCode(403);
        as(token).get("/api/v1/stations/" + own).then().body("parentId", nullValue());
    }

    private void assertIds(Map<String, String> query, String... expected) {
        List<String> ids = as(adminToken()).queryParams(query).get("/api/v1/stations").then().statusCode(200)
                .extract().path("items.id");
        assertThat(ids).containsExactlyInAnyOrder(expected);
    }

    private String nextTownship(String taken) {
        return StationFixtures.single(dataSource,
                "select code from region where level = 'TOWNSHIP' and code like ? and code > ? order by code limit 1",
                HAINING + "%", taken);
    }

    private static String placed(String village, String name, double dLat, double dLon) {
        Map<String, Object> body = stationBody("VILLAGE_ROOM", village);
        body.put("name", name);
        body.put("position", Map.of("latitude", LAT + dLat, "longitude", LON + dLon, "crs", "WGS84"));
        return createStation(body);
    }

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }
}
