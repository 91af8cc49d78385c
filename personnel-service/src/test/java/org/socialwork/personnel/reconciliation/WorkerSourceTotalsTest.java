package org.socialwork.personnel.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.adminToken;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.agencyToken;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.assign;
import static org.socialwork.personnel.PersonnelFixtures.bureauToken;
import static org.socialwork.personnel.PersonnelFixtures.etag;
import static org.socialwork.personnel.PersonnelFixtures.single;
import static org.socialwork.personnel.PersonnelFixtures.station;
import static org.socialwork.personnel.PersonnelFixtures.worker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.personnel.PersonnelFixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The worker source totals count the workers placed at a station of the subtree by an active
 * assignment, once each, as the workforce dashboard places them; and only in the caller's scope.
 */
@QuarkusTest
class WorkerSourceTotalsTest {

    private static final String PATH = "/api/v1/admin/source-totals";

    @Inject
    AgroalDataSource db;

    /** A village code of Haining no other test uses, so that its totals are this test's alone. */
    private static String freshVillage() {
        return HAINING + "9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    @Test
    void workersWithAnActiveAssignmentInTheSubtreeAreCountedOnceByStatusCategoryAndLevel() {
        String village = freshVillage();
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID station = station(db, village, "OPERATING", "PURCHASED_SERVICE", agency);
        UUID elsewhere = station(db, "330482001001", "OPERATING", "PURCHASED_SERVICE", agency);
        UUID fullTime = worker(agency, "STATION_FULL_TIME");
        UUID project = worker(agency, "PROJECT_WORKER");
        UUID leaving = worker(agency, "PROJECT_WORKER");
        UUID outside = worker(agency, "SUPERVISOR");
        assign(fullTime, station, "2024-05-01");
        assign(project, station, "2024-05-01");
        // A second, part-time placement at the same station does not count the worker twice.
        as(adminToken()).body(Map.of("workerId", project.toString(), "stationId", station.toString(), "role", "ASSISTANT",
                "fullTime", false, "from", "2024-06-01")).post("/api/v1/assignments").then().statusCode(201);
        assign(leaving, station, "2024-05-01");
        assign(outside, elsewhere, "2024-05-01");
        String token = agencyToken(agency.toString());
        String path = "/api/v1/workers/" + leaving;
        as(token).header("If-Match", etag(token, path))
                .body(Map.of("noticeDate", "2024-09-01", "plannedLeaveOn", "2024-10-08"))
                .post(path + "/departure/notice").then().statusCode(200);

        assertThat(totals(bureauToken("bureau-viewer", HAINING), village)).containsOnly(
                Map.entry("workforce.workers", 3L),
                Map.entry("workforce.byCategory.STATION_FULL_TIME", 1L),
                Map.entry("workforce.byCategory.PROJECT_WORKER", 2L),
                Map.entry("workforce.byQualificationLevel.NONE", 3L),
                Map.entry("workers.byStatus.ACTIVE", 2L),
                Map.entry("workers.byStatus.NOTICE_GIVEN", 1L));
    }

    @Test
    void aBureauUserReadsItsOwnSubtreeAndAPlatformAdminTheCountry() {
        as(bureauToken("bureau-admin", HAINING)).get(PATH).then().statusCode(200)
                .body("source", equalTo("personnel-service")).body("region", equalTo(HAINING)).body("period", nullValue());
        long placed = ((Number) single(db, """
                select count(*) from worker w where w.status <> 'LEFT'
                  and exists (select 1 from assignment a where a.worker_id = w.id and a.status = 'ACTIVE')""")).longValue();
        assertThat(totals(adminToken(), null).get("workforce.workers")).isEqualTo(placed);
    }

    @Test
    void aRegionOutsideTheScopeIsNotFoundAndOtherRolesAreRefused() {
        as(bureauToken("bureau-admin", "330482")).queryParam("region", HAINING).get(PATH).then().statusCode(404)
                .contentType("application/problem+json");
        for (String role : List.of("agency-admin", "field-worker", "evaluator", "dashboard")) {
            as(PersonnelFixtures.token(role + "-" + UUID.randomUUID(), Set.of(role), HAINING, null, null))
                    .queryParam("region", HAINING).get(PATH).then().statusCode(403).contentType("application/problem+json");
        }
        as(adminToken()).queryParam("region", "3304811").get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("region"));
    }

    private static Map<String, Long> totals(String token, String region) {
        var request = as(token);
        if (region != null) {
            request.queryParam("region", region);
        }
        List<Map<String, Object>> totals = request.get(PATH).then().statusCode(200).extract().path("totals");
        Map<String, Long> map = new HashMap<>();
        totals.forEach(t -> map.put((String) t.get("measure"), ((Number) t.get("value")).longValue()));
        return map;
    }
}
