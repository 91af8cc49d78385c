package org.socialwork.reporting.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.reporting.readmodel.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** League tables of child regions and stations, raw and normalised, with the rank change. */
@QuarkusTest
class RankingTest {

    @Inject
    DataSource dataSource;

    @Test
    void childRegionsAndStationsAreRankedAgainstThePreviousPeriod() {
        UUID east = UUID.randomUUID();
        UUID west = UUID.randomUUID();
        UUID west2 = UUID.randomUUID();
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("80", "排名省", "PROVINCE", 1));
            sent.add(events.region("8001", "排名市", "CITY", 1));
            sent.add(events.region("800101", "东县", "COUNTY", 1));
            sent.add(events.region("800102", "西县", "COUNTY", 1));
            sent.add(events.region("800103", "北县", "COUNTY", 1));
            sent.add(events.station(east, "800101001", "TOWNSHIP_STATION", "OPERATING", true, 1));
            sent.add(events.station(west, "800102001", "TOWNSHIP_STATION", "OPERATING", true, 1));
            sent.add(events.station(west2, "800102002", "TOWNSHIP_STATION", "OPERATING", true, 1));
            for (int i = 0; i < 3; i++) {
                sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-1" + i + "T02:00:00Z", 30, east,
                        "800101001", List.of(UUID.randomUUID()), List.of())));
            }
            for (int i = 0; i < 4; i++) {
                sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-2" + i + "T02:00:00Z", 30,
                        i < 2 ? west : west2, i < 2 ? "800102001" : "800102002", List.of(UUID.randomUUID()), List.of())));
            }
            for (int i = 0; i < 5; i++) {
                sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-08-1" + i + "T02:00:00Z", 30, east,
                        "800101001", List.of(UUID.randomUUID()), List.of())));
            }
            Fixtures.awaitConsumed(dataSource, sent);
        }
        JsonPath raw = as("dashboard", "80").queryParam("region", "8001").queryParam("period", "2024-09")
                .queryParam("measure", "VISIT").get("/api/v1/rankings").then().statusCode(200).extract().jsonPath();
        assertThat(raw.getList("rows.id")).containsExactly("800102", "800101", "800103");
        assertThat(raw.getList("rows.rank", Integer.class)).containsExactly(1, 2, 3);
        assertThat(raw.getList("rows.previousRank", Integer.class)).containsExactly(2, 1, 2);
        assertThat(raw.getList("rows.rankChange", Integer.class)).containsExactly(1, -1, -1);

        // July has no records at all: August is ranked, but against nothing, so no one rose or dropped.
        JsonPath august = as("dashboard", "80").queryParam("region", "8001").queryParam("period", "2024-08")
                .queryParam("measure", "VISIT").get("/api/v1/rankings").then().statusCode(200).extract().jsonPath();
        assertThat(august.getList("rows.id")).containsExactly("800101", "800102", "800103");
        assertThat(august.getList("rows.previousRank")).containsOnlyNulls().hasSize(3);
        assertThat(august.getList("rows.rankChange")).containsOnlyNulls().hasSize(3);

        JsonPath perStation = as("dashboard", "80").queryParam("region", "8001").queryParam("period", "2024-09")
                .queryParam("measure", "VISIT").queryParam("normalise", "PER_STATION").get("/api/v1/rankings").then()
                .statusCode(200).extract().jsonPath();
        assertThat(perStation.getList("rows.id")).containsExactly("800101", "800102");
        assertThat(perStation.getList("rows.value", Float.class)).containsExactly(3.0f, 2.0f);

        JsonPath stations = as("dashboard", "80").queryParam("region", "80").queryParam("period", "2024-09")
                .queryParam("subjects", "STATIONS").queryParam("measure", "VISIT").get("/api/v1/rankings").then()
                .statusCode(200).extract().jsonPath();
        List<String> ids = stations.getList("rows.id");
        assertThat(ids.get(0)).isEqualTo(east.toString());
        assertThat(ids.subList(1, 3)).as("a tie, in id order").isSorted()
                .containsExactlyInAnyOrder(west.toString(), west2.toString());
        assertThat(stations.getList("rows.rank", Integer.class)).containsExactly(1, 2, 2);

        as("dashboard", "80").queryParam("region", "8001").queryParam("period", "2024-09")
                .queryParam("measure", "NOT_A_MEASURE").get("/api/v1/rankings").then().statusCode(400);
        as("bureau-viewer", "800101").queryParam("region", "8001").queryParam("period", "2024-09")
                .get("/api/v1/rankings").then().statusCode(404);
    }
}
