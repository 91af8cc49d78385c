package org.socialwork.stations.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.socialwork.stations.station.StationFixtures.HAINING;
import static org.socialwork.stations.station.StationFixtures.PINGHU;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.agencyBody;
import static org.socialwork.stations.station.StationFixtures.as;
import static org.socialwork.stations.station.StationFixtures.bureauToken;
import static org.socialwork.stations.station.StationFixtures.createAgency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.stations.station.StationFixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AgencyResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void regions() {
        StationFixtures.ensureRegions(dataSource);
    }

    @Test
    void aCountyBureauRegistersAnAgencyInItsCounty() {
        Map<String, Object> body = agencyBody(HAINING);
        Response created = as(bureauToken("bureau-admin", HAINING)).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/v1/agencies").then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("ACTIVE")).body("grade", equalTo("3A")).body("gradeYear", equalTo(2023))
                .body("contact.person", equalTo("王主任"))
                .extract().response();
        assertThat(created.header("Location")).endsWith("/api/v1/agencies/" + created.path("id"));

        as(bureauToken("bureau-admin", PINGHU)).body(agencyBody(HAINING)).post("/api/v1/agencies")
                .then().statusCode(403);
        as(bureauToken("bureau-viewer", HAINING)).body(agencyBody(HAINING)).post("/api/v1/agencies")
                .then().statusCode(403);
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRefusedNamingTheField() {
        Map<String, Object> body = agencyBody(HAINING);
        String code = (String) body.get("creditCode");
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        body.put("creditCode", code.substring(0, 17) + wrong);
        as(adminToken()).body(body).post("/api/v1/agencies")
                .then().statusCode(400)
                .body("type", equalTo("urn:socialwork:problem:validation"))
                .body("errors.field", hasItem("creditCode"));
    }

    @Test
    void aCreditCodeIsRegisteredOnce() {
        Map<String, Object> body = agencyBody(HAINING);
        as(adminToken()).body(body).post("/api/v1/agencies").then().statusCode(201);
        body.put("name", "另一家机构");
        as(adminToken()).body(body).post("/api/v1/agencies")
                .then().statusCode(409).body("code", equalTo("agency.credit-code.taken"));
    }

    @Test
    void theRegistrationRegionMustBeACountyCityOrProvince() {
        Map<String, Object> body = agencyBody(HAINING);
        body.put("registrationRegion", StationFixtures.freeTownship(dataSource, HAINING));
        as(adminToken()).body(body).post("/api/v1/agencies")
                .then().statusCode(422).body("code", equalTo("agency.region.invalid"));
    }

    @Test
    void unknownFieldsAreRefused() {
        Map<String, Object> body = agencyBody(HAINING);
        body.put("contact", Map.of("person", "王主任", "phone", "13800000000"));
        as(adminToken()).body(body).post("/api/v1/agencies")
                .then().statusCode(400).body("type", equalTo("urn:socialwork:problem:unknown-field"))
                .body("errors.field", hasItem("contact.phone"));
    }

    @Test
    void anAgencyAdminReadsItsOwnAgencyAndChangesOnlyTheContact() {
        String id = createAgency(HAINING);
        String other = createAgency(HAINING);
        String token = StationFixtures.agencyAdminToken(id);
        String path = "/api/v1/agencies/" + id;

        as(token).get("/api/v1/agencies/" + other).then().statusCode(404);
        as(token).get("/api/v1/agencies").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        String etag = as(token).get(path).then().statusCode(200).extract().header("ETag");

        Map<String, Object> update = update(as(token).get(path).then().extract().path(""));
        update.put("contact", Map.of("person", "李社工", "email", "li@example.org", "address", "海宁市新址"));
        String next = as(token).header("If-Match", etag).body(update).put(path)
                .then().statusCode(200).body("contact.person", equalTo("李社工")).body("version", equalTo(1))
                .extract().header("ETag");

        update.put("grade", "5A");
        as(token).header("If-Match", next).body(update).put(path)
                .then().statusCode(403).body("code", equalTo("agency.forbidden.contact-only"));
    }

    @Test
    void theBureauGradesAndSuspendsWithIfMatch() {
        String id = createAgency(HAINING);
        String path = "/api/v1/agencies/" + id;
        String bureau = bureauToken("bureau-admin", HAINING);
        Map<String, Object> update = update(as(bureau).get(path).then().statusCode(200).extract().path(""));
        update.put("grade", "5A");
        update.put("gradeYear", 2024);
        update.put("status", "SUSPENDED");

        as(bureau).body(update).put(path).then().statusCode(428);
        as(bureau).header("If-Match", "\"7\"").body(update).put(path).then().statusCode(412);
        as(bureau).header("If-Match", "\"0\"").body(update).put(path).then().statusCode(200)
                .body("grade", equalTo("5A")).body("status", equalTo("SUSPENDED")).header("ETag", "\"1\"");

        // A suspended agency takes on no station.
        Map<String, Object> station = StationFixtures.stationBody("VILLAGE_ROOM",
                StationFixtures.villageOf(dataSource, StationFixtures.freeTownship(dataSource, HAINING)));
        station.put("operationMode", "PURCHASED_SERVICE");
        station.put("agencyId", id);
        as(adminToken()).body(station).post("/api/v1/stations")
                .then().statusCode(422).body("code", equalTo("station.operation.agency-inactive"));

        as(bureauToken("bureau-admin", PINGHU)).get(path).then().statusCode(404);
    }

    @Test
    void aBureauAlsoSeesAgenciesRegisteredElsewhereThatOperateInItsArea() {
        String outsider = createAgency(PINGHU);
        String pinghuOnly = createAgency(PINGHU);
        String haining = bureauToken("bureau-viewer", HAINING);
        as(haining).get("/api/v1/agencies/" + outsider).then().statusCode(404);

        Map<String, Object> station = StationFixtures.stationBody("VILLAGE_ROOM",
                StationFixtures.villageOf(dataSource, StationFixtures.freeTownship(dataSource, HAINING)));
        station.put("operationMode", "PURCHASED_SERVICE");
        station.put("agencyId", outsider);
        StationFixtures.createStation(station);

        as(haining).get("/api/v1/agencies/" + outsider).then().statusCode(200);
        List<String> visible = walk(haining, Map.of("status", "ACTIVE"));
        assertThat(visible).contains(outsider).doesNotContain(pinghuOnly);
        as(haining).get("/api/v1/agencies/" + pinghuOnly).then().statusCode(404);
    }

    @Test
    void theListFiltersByRegionGradeAndPagesWithACursor() {
        String prefix = "3304";
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = agencyBody(PINGHU);
            body.put("grade", "2A");
            created.add(as(adminToken()).body(body).post("/api/v1/agencies").then().statusCode(201).extract().path("id"));
        }
        List<String> all = walk(adminToken(), Map.of("region", prefix, "grade", "2A"));
        assertThat(all).containsAll(created).doesNotHaveDuplicates();
        List<String> other = walk(adminToken(), Map.of("region", HAINING, "grade", "2A"));
        assertThat(other).doesNotContainAnyElementsOf(created);
        as(adminToken()).queryParam("grade", "6A").get("/api/v1/agencies").then().statusCode(400);
        as(adminToken()).queryParam("region", PINGHU).queryParam("limit", 201).get("/api/v1/agencies")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        as(adminToken()).queryParam("region", PINGHU).queryParam("grade", "2A").queryParam("limit", 1)
                .get("/api/v1/agencies").then().statusCode(200).body("next", not(equalTo(null)));
    }

    private static List<String> walk(String token, Map<String, String> query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(token).queryParams(query).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/agencies").then().statusCode(200).extract().response();
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static Map<String, Object> update(Map<String, Object> view) {
        Map<String, Object> update = new LinkedHashMap<>();
        for (String field : List.of("name", "legalForm", "grade", "gradeYear", "contact", "status")) {
            update.put(field, view.get(field));
        }
        return update;
    }

    @Test
    void anUnknownGradeFilterIsRefusedWithATranslatedMessageNamingIt() {
        as(adminToken()).header("Accept-Language", "en").get("/api/v1/agencies?grade=9Z").then().statusCode(400)
                .body("type", equalTo("urn:socialwork:problem:validation"))
                .body("errors[0].field", equalTo("grade"))
                .body("detail", org.hamcrest.Matchers.containsString("grade"))
                .body("detail", not(org.hamcrest.Matchers.containsString("query.invalid")));
    }
}
