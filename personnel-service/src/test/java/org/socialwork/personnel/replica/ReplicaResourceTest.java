package org.socialwork.personnel.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.adminToken;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.agencyToken;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.bureauToken;
import static org.socialwork.personnel.PersonnelFixtures.station;
import static org.socialwork.personnel.PersonnelFixtures.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The replicas answer as stations-service would: scoped to the caller, and paged rather than cut. */
@QuarkusTest
class ReplicaResourceTest {

    private static final String PINGHU = "330482";

    @Inject
    AgroalDataSource db;

    @Test
    void aCountySeesItsOwnStationsAndAgenciesOnly() {
        UUID hainingAgency = agency(db, HAINING, "ACTIVE", 1);
        UUID pinghuAgency = agency(db, PINGHU, "ACTIVE", 1);
        UUID hainingStation = station(db, HAINING + "001", "OPERATING", "PURCHASED_SERVICE", hainingAgency);
        UUID pinghuStation = station(db, PINGHU + "001", "OPERATING", "PURCHASED_SERVICE", pinghuAgency);
        String haining = bureauToken("bureau-viewer", HAINING);

        as(haining).get("/api/v1/replicas/stations?limit=200").then().statusCode(200)
                .body("items.id", hasItem(hainingStation.toString()))
                .body("items.id", not(hasItem(pinghuStation.toString())));
        as(haining).get("/api/v1/replicas/agencies?limit=200").then().statusCode(200)
                .body("items.id", hasItem(hainingAgency.toString()))
                .body("items.id", not(hasItem(pinghuAgency.toString())));
        as(haining).get("/api/v1/replicas/stations?region=" + PINGHU).then().statusCode(404);
        as(haining).get("/api/v1/replicas/agencies?region=33").then().statusCode(404);

        as(agencyToken(pinghuAgency.toString())).get("/api/v1/replicas/stations?region=33&limit=200").then()
                .statusCode(200).body("items.agencyId", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo(pinghuAgency.toString())))
                .body("items.id", hasItem(pinghuStation.toString()));
        as(agencyToken(pinghuAgency.toString())).get("/api/v1/replicas/agencies?limit=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(pinghuAgency.toString()));
        as(token("dashboard-1", Set.of("dashboard"), "33", null, null)).get("/api/v1/replicas/stations?region=33")
                .then().statusCode(403);
        // As in stations-service: a field worker reads its region's stations, but no agency list.
        String field = token("field-worker-1", Set.of("field-worker"), HAINING, null, UUID.randomUUID().toString());
        as(field).get("/api/v1/replicas/stations?limit=200").then().statusCode(200)
                .body("items.id", hasItem(hainingStation.toString()))
                .body("items.id", not(hasItem(pinghuStation.toString())));
        as(field).get("/api/v1/replicas/agencies").then().statusCode(403);
    }

    @Test
    void everyStationIsReachedPageByPageWithoutRepeats() {
        UUID operator = agency(db, HAINING, "ACTIVE", 1);
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(station(db, HAINING + "00" + (i + 2), "OPERATING", "PURCHASED_SERVICE", operator));
        }
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/replicas/stations?region=" + HAINING + "&limit=2";
        while (next != null) {
            var page = as(adminToken()).get(next).then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2)).extract();
            seen.addAll(page.path("items.id"));
            next = page.path("next");
        }
        assertThat(seen).doesNotHaveDuplicates()
                .containsAll(created.stream().map(UUID::toString).toList());
        as(adminToken()).get("/api/v1/replicas/stations?region=" + HAINING + "&limit=201").then().statusCode(400);
        as(adminToken()).get("/api/v1/replicas/agencies?cursor=bm9wZQ").then().statusCode(400);
        as(adminToken()).get("/api/v1/replicas/stations?region=33x").then().statusCode(400);
    }
}
