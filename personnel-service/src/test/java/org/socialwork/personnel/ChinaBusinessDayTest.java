package org.socialwork.personnel;

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
import static org.socialwork.personnel.PersonnelFixtures.station;
import static org.socialwork.personnel.PersonnelFixtures.township;
import static org.socialwork.personnel.PersonnelFixtures.worker;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.NewYearsNightInChina;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The bureaus' day is China's, not the servers' (UTC): at 00:30 on 1 January 2027 in China it is
 * still 16:30 on 31 December 2026 in UTC. A bureau working then files and lists with the date on
 * its wall, which a rule judging "today" in UTC would refuse as in the future; and what fell due
 * yesterday in China would not yet be overdue. The clock is pinned here, whatever moment CI pins.
 */
@QuarkusTest
@TestProfile(NewYearsNightInChina.class)
class ChinaBusinessDayTest {

    static final LocalDate TODAY = NewYearsNightInChina.CHINA_DAY;

    @Inject
    AgroalDataSource db;

    @Inject
    BusinessClock clock;

    @BeforeEach
    void chinaAndUtcDisagreeOnTheDay() {
        assertThat(clock.today()).isEqualTo(TODAY);
        assertThat(clock.now().toLocalDate()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void aListingDatedTodayInChinaIsAcceptedAndOneDatedTomorrowIsRefused() {
        UUID worker = worker(agency(db, HAINING, "ACTIVE", 1), "PROJECT_WORKER");
        String bureau = bureauToken("bureau-admin", HAINING);
        String path = "/api/v1/workers/" + worker + "/dishonesty-listings";
        as(bureau).body(Map.of("reason", "伪造服务记录", "listedOn", TODAY.plusDays(1).toString())).post(path).then()
                .statusCode(400).body("type", equalTo("urn:socialwork:problem:validation"))
                .body("code", equalTo("dishonesty.future")).body("errors.field", hasItem("listedOn"));
        as(adminToken()).get("/api/v1/workers/" + worker).then().body("dishonestyListed", equalTo(false));

        String listing = as(bureau).body(Map.of("reason", "伪造服务记录", "listedOn", TODAY.toString())).post(path).then()
                .statusCode(201).body("expiresOn", equalTo("2029-01-01")).body("effective", equalTo(true))
                .extract().path("id");
        as(adminToken()).get("/api/v1/workers/" + worker).then().body("dishonestyListed", equalTo(true))
                .body("dishonestyListedUntil", equalTo("2029-01-01"));
        as(bureau).body(Map.of("reason", "复核撤销")).post("/api/v1/dishonesty-listings/" + listing + "/delisting").then()
                .statusCode(200).body("delistedOn", equalTo(TODAY.toString())).body("effective", equalTo(false));
    }

    @Test
    void aListingThatExpiresTodayInChinaNoLongerHolds() {
        UUID worker = worker(agency(db, HAINING, "ACTIVE", 1), "PROJECT_WORKER");
        as(bureauToken("bureau-admin", HAINING)).body(Map.of("reason", "虚报服务时长", "listedOn", "2025-01-01"))
                .post("/api/v1/workers/" + worker + "/dishonesty-listings").then().statusCode(201)
                .body("expiresOn", equalTo(TODAY.toString())).body("effective", equalTo(false));
        as(adminToken()).get("/api/v1/workers/" + worker).then().body("dishonestyListed", equalTo(false))
                .body("dishonestyListedUntil", equalTo(null));
    }

    @Test
    void aFilingDatedTodayInChinaIsAcceptedAndOneDatedTomorrowIsRefused() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID worker = worker(agency, "STATION_FULL_TIME");
        assign(worker, station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency), TODAY.toString());
        String bureau = bureauToken("bureau-admin", HAINING);
        String filing = as(bureau).get("/api/v1/filings?worker=" + worker).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].changedOn", equalTo(TODAY.toString()))
                .body("items[0].state", equalTo("PENDING")).extract().path("items[0].id");
        String path = "/api/v1/filings/" + filing;

        as(bureau).header("If-Match", etag(bureau, path)).body(Map.of("filedOn", TODAY.plusDays(1).toString()))
                .post(path + "/file").then().statusCode(400).body("type", equalTo("urn:socialwork:problem:validation"))
                .body("code", equalTo("filing.future")).body("errors.field", hasItem("filedOn"));
        as(bureau).get(path).then().body("filedOn", equalTo(null));
        as(bureau).header("If-Match", etag(bureau, path)).body(Map.of("filedOn", TODAY.toString()))
                .post(path + "/file").then().statusCode(200).body("filedOn", equalTo(TODAY.toString()))
                .body("daysAfterChange", equalTo(0)).body("late", equalTo(false)).body("state", equalTo("FILED_ON_TIME"));
    }

    @Test
    void anUnfiledFilingDueYesterdayInChinaIsOverdue() {
        UUID agency = agency(db, HAINING, "ACTIVE", 1);
        UUID worker = worker(agency, "STATION_FULL_TIME");
        assign(worker, station(db, township(), "OPERATING", "PURCHASED_SERVICE", agency), TODAY.minusDays(8).toString());
        String bureau = bureauToken("bureau-admin", HAINING);
        as(bureau).get("/api/v1/filings?late=true&worker=" + worker).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].dueOn", equalTo(TODAY.minusDays(1).toString()))
                .body("items[0].state", equalTo("OVERDUE")).body("items[0].late", equalTo(true));
        as(bureau).get("/api/v1/filings?late=false&worker=" + worker).then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aCertificateIssuedTodayInChinaIsAcceptedAndOneIssuedTomorrowIsRefused() {
        UUID worker = worker(agency(db, HAINING, "ACTIVE", 1), "STATION_FULL_TIME");
        String suffix = worker.toString().substring(0, 8);
        String path = "/api/v1/workers/" + worker + "/certificates";
        as(adminToken()).body(Map.of("number", "T-" + suffix, "level", "ASSISTANT", "issuedOn", TODAY.plusDays(1).toString(),
                "issuer", "人力资源社会保障部", "registered", false)).post(path).then().statusCode(400)
                .body("code", equalTo("worker.certificate.future")).body("errors.field", hasItem("issuedOn"));
        as(adminToken()).body(Map.of("number", "T-" + suffix, "level", "ASSISTANT", "issuedOn", TODAY.toString(),
                "issuer", "人力资源社会保障部", "registered", false)).post(path).then().statusCode(201)
                .body("qualificationLevel", equalTo("ASSISTANT")).body("certificates[0].issuedOn", equalTo(TODAY.toString()));
    }

    @Test
    void trainingHoursDefaultToTheYearInChina() {
        UUID worker = worker(agency(db, HAINING, "ACTIVE", 1), "STATION_FULL_TIME");
        String bureau = bureauToken("bureau-admin", HAINING);
        String training = as(bureau).body(Map.of("title", "新年岗前培训", "type", "PRE_JOB", "provider", "浙江省社会工作协会",
                "organizerRegionCode", HAINING, "hours", 6.0, "startsOn", TODAY.toString(), "endsOn", TODAY.toString()))
                .post("/api/v1/trainings").then().statusCode(201).extract().path("id");
        as(bureau).header("If-Match", etag(bureau, "/api/v1/trainings/" + training))
                .body(Map.of("hours", 6.0, "completed", true))
                .put("/api/v1/trainings/" + training + "/attendance/" + worker).then().statusCode(200);
        as(bureau).get("/api/v1/workers/" + worker + "/training-hours").then().statusCode(200)
                .body("year", equalTo(2027)).body("hours", equalTo(6.0f)).body("trainings", equalTo(1));
    }
}
