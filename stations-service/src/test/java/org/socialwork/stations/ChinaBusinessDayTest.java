package org.socialwork.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.agencyBody;
import static org.socialwork.stations.station.StationFixtures.as;
import static org.socialwork.stations.station.StationFixtures.stationBody;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.NewYearsNightInChina;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.stations.station.StationFixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Divisions retired "today" must be judged on China's calendar: at 00:30 on 1 January in China it
 * is still 31 December in UTC, on which a division retired from 1 January still exists.
 */
@QuarkusTest
@TestProfile(NewYearsNightInChina.class)
class ChinaBusinessDayTest {

    static final LocalDate CHINA_DAY = NewYearsNightInChina.CHINA_DAY;
    static final LocalDate UTC_DAY = NewYearsNightInChina.UTC_DAY;

    @Inject
    BusinessClock clock;

    @Inject
    AgroalDataSource dataSource;

    /** Jiashan and two counties no other test uses; inserted here because the profile's restart brings a fresh database. */
    @BeforeEach
    void divisions() throws SQLException {
        String[][] rows = {
                {"33", "浙江省", "PROVINCE", null},
                {"3304", "嘉兴市", "CITY", "33"},
                {"330421", "嘉善县", "COUNTY", "3304"},
                {"330424", "海盐县", "COUNTY", "3304"},
                {"330483", "桐乡市", "COUNTY", "3304"},
                {"330421001", "魏塘街道", "TOWNSHIP", "330421"},
                {"330421002", "罗星街道", "TOWNSHIP", "330421"},
                {"330421003", "惠民街道", "TOWNSHIP", "330421"}};
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into region (code, name, level, parent_code, version, updated_at)
                values (?, ?, ?, ?, 1, ?) on conflict do nothing""")) {
            for (String[] row : rows) {
                for (int i = 0; i < 4; i++) {
                    insert.setString(i + 1, row[i]);
                }
                insert.setObject(5, clock.now());
                insert.executeUpdate();
            }
        }
    }

    @Test
    void aDivisionRetiredTodayInChinaTakesNothingNewThoughUtcIsStillOnTheDayBefore() {
        assertThat(clock.today()).isEqualTo(CHINA_DAY);
        assertThat(clock.instant().atOffset(ZoneOffset.UTC).toLocalDate()).isEqualTo(UTC_DAY);
        LocalDate tomorrow = CHINA_DAY.plusDays(1);
        retire("330421001", CHINA_DAY);
        retire("330421002", tomorrow);
        retire("330424", CHINA_DAY);
        retire("330483", tomorrow);

        as(adminToken()).body(stationBody("TOWNSHIP_STATION", "330421001")).post("/api/v1/stations")
                .then().statusCode(422).body("code", equalTo("station.region.unknown"));
        OffsetDateTime before = clock.now();
        String createdAt = as(adminToken()).body(stationBody("TOWNSHIP_STATION", "330421002")).post("/api/v1/stations")
                .then().statusCode(201).extract().path("createdAt");
        assertThat(OffsetDateTime.parse(createdAt)).isBetween(before, clock.now());

        as(adminToken()).body(agencyBody("330424")).post("/api/v1/agencies")
                .then().statusCode(422).body("code", equalTo("agency.region.invalid"));
        as(adminToken()).body(agencyBody("330483")).post("/api/v1/agencies").then().statusCode(201);

        as(adminToken()).get("/api/v1/regions/330421/children").then().statusCode(200)
                .body("items.code", hasItems("330421002", "330421003")).body("items.code", not(hasItem("330421001")));
        as(adminToken()).queryParam("asOf", UTC_DAY.toString()).get("/api/v1/regions/330421/children")
                .then().statusCode(200).body("items.code", hasItem("330421001"));
    }

    private static void retire(String code, LocalDate from) {
        String etag = StationFixtures.etag(adminToken(), "/api/v1/regions/" + code);
        as(adminToken()).header("If-Match", etag)
                .body(Map.of("effectiveDate", from.toString(), "reason", "区划调整"))
                .post("/api/v1/regions/" + code + "/retirement").then().statusCode(200);
    }
}
