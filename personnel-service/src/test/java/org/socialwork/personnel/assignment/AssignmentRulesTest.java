package org.socialwork.personnel.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.adminToken;
import static org.socialwork.personnel.PersonnelFixtures.agency;
import static org.socialwork.personnel.PersonnelFixtures.as;
import static org.socialwork.personnel.PersonnelFixtures.assign;
import static org.socialwork.personnel.PersonnelFixtures.bureauToken;
import static org.socialwork.personnel.PersonnelFixtures.etag;
import static org.socialwork.personnel.PersonnelFixtures.single;
import static org.socialwork.personnel.PersonnelFixtures.station;
import static org.socialwork.personnel.PersonnelFixtures.township;
import static org.socialwork.personnel.PersonnelFixtures.worker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The bureaus' assignment rules, one refusal each, and the filing (备案) that follows every change. */
@QuarkusTest
@Tag("clock")
class AssignmentRulesTest {

    @Inject
    AgroalDataSource db;

    @Inject
    BusinessClock clock;

    private long assignments(UUID worker) {
        return ((Number) single(db, "select count(*) from assignment where worker_id = ?", worker)).longValue();
    }

    private static Map<String, Object> body(UUID worker, UUID station) {
        return Map.of("workerId", worker.toString(), "stationId", station.toString(), "role", "SOCIAL_WORKER",
                "from", "2024-05-01");
    }

    @Test
    void aSecondActiveFullTimeAssignmentIsRefused() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID first = station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency);
        UUID second = station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency);
        UUID worker = worker(agency, "STATION_FULL_TIME");
        assign(worker, first, "2024-05-01");
        as(adminToken()).body(body(worker, second)).post("/api/v1/assignments").then().statusCode(409)
                .body("code", equalTo("assignment.full-time.taken"));
        assertThat(assignments(worker)).isEqualTo(1);
        // A part-time placement elsewhere is allowed.
        as(adminToken()).body(Map.of("workerId", worker.toString(), "stationId", second.toString(), "role", "ASSISTANT",
                "fullTime", false, "from", "2024-05-01")).post("/api/v1/assignments").then().statusCode(201);
    }

    @Test
    void twoRacingFullTimeAssignmentsCannotBothWin() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID a = station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency);
        UUID b = station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency);
        UUID worker = worker(agency, "STATION_FULL_TIME");
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (UUID station : List.of(a, b, a, b)) {
            calls.add(CompletableFuture.supplyAsync(
                    () -> as(adminToken()).body(body(worker, station)).post("/api/v1/assignments").statusCode()));
        }
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(assignments(worker)).isEqualTo(1);
    }

    @Test
    void anotherAgencysPurchasedServiceStationIsRefusedExceptForCivilAffairsAssistants() {
        UUID operator = agency(db, HAINING, "ACTIVE", 1);
        UUID other = agency(db, HAINING, "ACTIVE", 1);
        UUID station = station(db, township(), "OPERATING", "PURCHASED_SERVICE", operator);
        UUID outsider = worker(other, "STATION_FULL_TIME");
        as(adminToken()).body(body(outsider, station)).post("/api/v1/assignments").then().statusCode(422)
                .body("code", equalTo("assignment.station.other-agency")).body("errors.field", hasItem("stationId"));
        assertThat(assignments(outsider)).isZero();
        UUID assistant = worker(other, "CIVIL_AFFAIRS_ASSISTANT");
        as(adminToken()).body(body(assistant, station)).post("/api/v1/assignments").then().statusCode(201)
                .body("fullTime", equalTo(false));
        // A government-run station takes staff of any agency.
        UUID governmentRun = station(db, township(), "OPERATING", "GOVERNMENT_RUN", null);
        as(adminToken()).body(body(outsider, governmentRun)).post("/api/v1/assignments").then().statusCode(201);
    }

    @Test
    void aClosedOrUnknownStationIsRefused() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID closed = station(db, township(), "CLOSED", "PURCHASED_SERVICE", agency);
        UUID worker = worker(agency, "STATION_FULL_TIME");
        as(adminToken()).body(body(worker, closed)).post("/api/v1/assignments").then().statusCode(422)
                .body("code", equalTo("assignment.station.closed")).body("errors.field", hasItem("stationId"));
        as(adminToken()).body(body(worker, UUID.randomUUID())).post("/api/v1/assignments").then().statusCode(422)
                .body("code", equalTo("assignment.station.unknown")).body("errors.field", hasItem("stationId"));
        assertThat(assignments(worker)).isZero();
    }

    @Test
    void aListedWorkerCannotBeAssignedOrEmployedUntilDelisted() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID station = station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency);
        UUID worker = worker(agency, "STATION_FULL_TIME");
        String bureau = bureauToken("bureau-admin", HAINING);
        LocalDate today = clock.today();
        LocalDate yesterday = today.minusDays(1);
        // Only the bureau lists; an agency admin may not.
        as(org.socialwork.personnel.PersonnelFixtures.agencyToken(agency.toString()))
                .body(Map.of("reason", "伪造服务记录", "listedOn", today.toString()))
                .post("/api/v1/workers/" + worker + "/dishonesty-listings").then().statusCode(403);
        String listing = as(bureau).body(Map.of("reason", "伪造服务记录", "listedOn", yesterday.toString()))
                .post("/api/v1/workers/" + worker + "/dishonesty-listings").then().statusCode(201)
                .body("expiresOn", equalTo(yesterday.plusYears(2).toString()))
                .body("effective", equalTo(true)).extract().path("id");
        as(bureau).get("/api/v1/workers/" + worker).then().body("dishonestyListed", equalTo(true))
                .body("dishonestyListedUntil", equalTo(yesterday.plusYears(2).toString()));

        as(adminToken()).body(body(worker, station)).post("/api/v1/assignments").then().statusCode(422)
                .body("type", equalTo("urn:socialwork:problem:rule-violation"))
                .body("code", equalTo("worker.dishonesty.listed"));
        String etag = etag(adminToken(), "/api/v1/workers/" + worker);
        as(adminToken()).header("If-Match", etag).body(Map.of("agencyId", agency.toString(), "category", "PROJECT_WORKER",
                "post", "SOCIAL_WORKER", "grade", 3, "from", "2024-06-01"))
                .put("/api/v1/workers/" + worker + "/employment").then().statusCode(422)
                .body("code", equalTo("worker.dishonesty.listed"));
        assertThat(assignments(worker)).isZero();

        as(bureau).body(Map.of("reason", "复核撤销")).post("/api/v1/dishonesty-listings/" + listing + "/delisting").then()
                .statusCode(200).body("effective", equalTo(false)).body("delistReason", equalTo("复核撤销"));
        as(bureau).get("/api/v1/workers/" + worker).then().body("dishonestyListed", equalTo(false));
        as(adminToken()).body(body(worker, station)).post("/api/v1/assignments").then().statusCode(201);
    }

    @Test
    void everyStartChangeAndEndIsFiledAndLateFilingsAreListedPerRegion() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        String town = township();
        UUID station = station(db, town, "OPERATING", "PURCHASED_SERVICE", agency);
        UUID worker = worker(agency, "STATION_FULL_TIME");
        LocalDate today = clock.today();
        LocalDate start = today.minusDays(20);
        String assignment = as(adminToken()).body(Map.of("workerId", worker.toString(), "stationId", station.toString(),
                "role", "SOCIAL_WORKER", "from", start.toString())).post("/api/v1/assignments").then().statusCode(201)
                .body("stationRegionCode", equalTo(town)).body("filing", equalTo(null)).extract().path("id");
        as(adminToken()).get("/api/v1/workers/" + worker).then().body("stationAssignments[0].assignmentId", equalTo(assignment));

        String bureau = bureauToken("bureau-admin", HAINING);
        String startFiling = as(bureau).get("/api/v1/filings?worker=" + worker).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].kind", equalTo("START"))
                .body("items[0].state", equalTo("OVERDUE")).extract().path("items[0].id");
        // Unfiled past its due date: listed as late.
        as(bureau).get("/api/v1/filings?region=" + HAINING + "&late=true&worker=" + worker).then()
                .body("items.id", hasItem(startFiling));

        String filingEtag = etag(bureau, "/api/v1/filings/" + startFiling);
        as(bureau).header("If-Match", filingEtag).body(Map.of("filedOn", start.plusDays(11).toString()))
                .post("/api/v1/filings/" + startFiling + "/file").then().statusCode(200)
                .body("late", equalTo(true)).body("daysAfterChange", equalTo(11)).body("state", equalTo("FILED_LATE"));
        as(bureau).get("/api/v1/assignments/" + assignment).then()
                .body("filing.late", equalTo(true)).body("filing.daysAfterChange", equalTo(11));
        as(bureau).header("If-Match", etag(bureau, "/api/v1/filings/" + startFiling))
                .body(Map.of("filedOn", start.plusDays(12).toString()))
                .post("/api/v1/filings/" + startFiling + "/file").then().statusCode(409);

        String change = etag(bureau, "/api/v1/assignments/" + assignment);
        as(bureau).header("If-Match", change).body(Map.of("role", "STATION_LEAD", "changedOn", today.minusDays(2).toString()))
                .put("/api/v1/assignments/" + assignment).then().statusCode(200).body("role", equalTo("STATION_LEAD"));
        String changeFiling = as(bureau).get("/api/v1/filings?worker=" + worker + "&filed=false").then()
                .body("items.size()", equalTo(1)).body("items[0].kind", equalTo("CHANGE"))
                .body("items[0].state", equalTo("PENDING")).extract().path("items[0].id");
        as(bureau).header("If-Match", etag(bureau, "/api/v1/filings/" + changeFiling))
                .body(Map.of("filedOn", today.toString()))
                .post("/api/v1/filings/" + changeFiling + "/file").then().statusCode(200).body("late", equalTo(false));

        // Late filings of the region: the START one (filed late), not the CHANGE one (on time).
        as(bureau).get("/api/v1/filings?region=" + town + "&late=true&worker=" + worker).then()
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(startFiling));
        as(bureauToken("bureau-admin", "330482")).get("/api/v1/filings?late=true&worker=" + worker).then()
                .body("items.size()", equalTo(0));

        as(bureau).header("If-Match", etag(bureau, "/api/v1/assignments/" + assignment))
                .body(Map.of("to", today.toString())).post("/api/v1/assignments/" + assignment + "/end").then()
                .statusCode(200).body("status", equalTo("ENDED"));
        as(bureau).get("/api/v1/filings?worker=" + worker + "&filed=false").then().body("items[0].kind", equalTo("END"));
        as(adminToken()).get("/api/v1/workers/" + worker).then().body("stationAssignments.size()", equalTo(0));
    }
}
