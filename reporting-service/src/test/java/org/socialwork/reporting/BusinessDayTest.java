package org.socialwork.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.reporting.readmodel.Fixtures.admin;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.NewYearsNightInChina;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.reporting.readmodel.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * At 00:30 in China on 1 January it is still 31 December in UTC: every business day, month and
 * year of the service is China's. Each assertion below would fail if one were taken from UTC.
 */
@QuarkusTest
@TestProfile(NewYearsNightInChina.class)
class BusinessDayTest {

    private static final String COUNTY = "680101";

    @Inject
    DataSource dataSource;

    @Inject
    BusinessClock clock;

    @Inject
    ReportingConfig config;

    private LocalDate today;

    @BeforeEach
    void itIsJustAfterMidnightOnTheFirstInChina() {
        today = clock.today();
        OffsetDateTime local = clock.localNow();
        assertThat(local.getDayOfMonth()).as("the profile's clock is in force").isEqualTo(1);
        assertThat(local.getMonthValue()).isEqualTo(1);
        assertThat(local.getHour()).isZero();
        assertThat(clock.now().toLocalDate()).as("UTC is still on the previous day").isEqualTo(today.minusDays(1));
    }

    private JsonPath output(String period) {
        return as("dashboard", "68").queryParam("region", "68").queryParam("period", period)
                .get("/api/v1/dashboards/service-output").then().statusCode(200).extract().jsonPath();
    }

    private static String utc(OffsetDateTime instant) {
        return instant.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }

    @Test
    void aRecordAfterMidnightInChinaCountsInTheNewMonthAndYear() {
        UUID station = UUID.randomUUID();
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("68", "时区省", "PROVINCE", 1));
            sent.add(events.region("6801", "时区市", "CITY", 1));
            sent.add(events.region(COUNTY, "时区县", "COUNTY", 1));
            // 00:10 today and 23:50 yesterday in China: both on the previous day in UTC.
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", utc(clock.startOf(today).plusMinutes(10)),
                    30, station, COUNTY + "001", List.of(UUID.randomUUID()), List.of())));
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "CASE_SESSION",
                    utc(clock.startOf(today).minusMinutes(10)), 60, station, COUNTY + "001", List.of(UUID.randomUUID()),
                    List.of())));
            Fixtures.awaitConsumed(dataSource, sent);
        }
        YearMonth thisMonth = clock.thisMonth();
        JsonPath month = output(thisMonth.toString());
        assertThat(month.getString("period.start")).isEqualTo(today.toString());
        assertThat(month.getLong("totals.records")).isEqualTo(1);
        assertThat(month.getLong("totals.visits")).isEqualTo(1);
        JsonPath previous = output(thisMonth.minusMonths(1).toString());
        assertThat(previous.getLong("totals.records")).isEqualTo(1);
        assertThat(previous.getLong("totals.caseSessions")).isEqualTo(1);
        assertThat(output(today.toString()).getLong("totals.visits")).isEqualTo(1);
        assertThat(output(clock.thisYear().toString()).getLong("totals.records")).isEqualTo(1);

        // Without a period or a year, the dashboards are as of the business day and year.
        JsonPath coverage = as("dashboard", "68").queryParam("region", COUNTY).get("/api/v1/dashboards/coverage").then()
                .statusCode(200).extract().jsonPath();
        assertThat(coverage.getString("period.start")).isEqualTo(today.toString());
        assertThat(coverage.getString("coverageOn")).isEqualTo(today.toString());
        JsonPath network = as("dashboard", "68").queryParam("region", COUNTY).get("/api/v1/dashboards/network").then()
                .statusCode(200).extract().jsonPath();
        assertThat(network.getInt("target.year")).isEqualTo(today.getYear());
        assertThat(network.getString("coverageOn")).isEqualTo(today.toString());
    }

    /**
     * On the 1st, last month's report is not late yet (its grace days run); taken in UTC, "today"
     * would be the last day of the month before and the report of two months back would be warned.
     */
    @Test
    void lastMonthsReportIsNotLateOnTheFirst() {
        try (Fixtures events = new Fixtures()) {
            Fixtures.awaitConsumed(dataSource, List.of(events.region("68", "时区省", "PROVINCE", 1),
                    events.region("6801", "时区市", "CITY", 1), events.region(COUNTY, "时区县", "COUNTY", 1)));
        }
        admin().post("/api/v1/admin/warnings/evaluate").then().statusCode(200);
        assertThat(lateReports()).isEmpty();

        YearMonth lastMonth = clock.thisMonth().minusMonths(1);
        LocalDate due = lastMonth.atEndOfMonth().plusDays(config.reports().submissionGraceDays());
        admin().queryParam("asOf", due.toString()).post("/api/v1/admin/warnings/evaluate").then().statusCode(200);
        assertThat(lateReports()).isEmpty();
        admin().queryParam("asOf", due.plusDays(1).toString()).post("/api/v1/admin/warnings/evaluate").then()
                .statusCode(200);
        assertThat(lateReports()).containsExactly(COUNTY + ":MONTH:" + lastMonth + ":OPEN");
        admin().post("/api/v1/admin/warnings/evaluate").then().statusCode(200);
        assertThat(lateReports()).as("resolved again as of today").containsExactly(COUNTY + ":MONTH:" + lastMonth + ":RESOLVED");
    }

    private List<String> lateReports() {
        List<Map<String, Object>> items = as("bureau-viewer", COUNTY).queryParam("region", COUNTY)
                .queryParam("kind", "LATE_FILING").get("/api/v1/warnings").then().statusCode(200).extract().jsonPath()
                .getList("items");
        return items.stream().filter(w -> "REGION".equals(w.get("subjectType")))
                .map(w -> w.get("subjectId") + ":" + w.get("status")).toList();
    }
}
