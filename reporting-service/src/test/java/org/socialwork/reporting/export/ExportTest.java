package org.socialwork.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.reporting.readmodel.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** CSV exports: UTF-8 with BOM, formula-like names defused, scoped like the JSON endpoints. */
@QuarkusTest
class ExportTest {

    @Inject
    DataSource dataSource;

    @Test
    void dashboardTablesExportAsSafeCsv() {
        UUID station = UUID.randomUUID();
        try (Fixtures events = new Fixtures()) {
            Fixtures.awaitConsumed(dataSource, List.of(
                    events.region("81", "导出省", "PROVINCE", 1),
                    events.region("8101", "=HYPERLINK(\"http://x\")", "CITY", 1),
                    events.region("810101", "导出县", "COUNTY", 1),
                    events.station(station, "810101001", "TOWNSHIP_STATION", "OPERATING", true, 1),
                    events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-03T02:00:00Z", 90, station,
                            "810101001", List.of(UUID.randomUUID()), List.of()))));
        }
        byte[] body = as("dashboard", "81").queryParam("region", "81").queryParam("period", "2024-09")
                .get("/api/v1/exports/service-output.csv").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("code,name,records,visits");
        assertThat(lines.get(1)).as("distinct clients are counted for the region, not per child")
                .isEqualTo("8101,\"'=HYPERLINK(\"\"http://x\"\")\",1,1,0,0,0,0,0,0,1.5,1,");
        assertThat(lines.get(2)).startsWith("81,导出省,1,1,");

        as("dashboard", "81").queryParam("region", "81").get("/api/v1/exports/network.csv").then().statusCode(200);
        as("dashboard", "81").queryParam("region", "81").queryParam("period", "2024-09")
                .get("/api/v1/exports/rankings.csv").then().statusCode(200);
        as("bureau-viewer", "81").queryParam("region", "81").get("/api/v1/exports/warnings.csv").then().statusCode(200);
        as("bureau-viewer", "81").queryParam("region", "81").get("/api/v1/exports/reports.csv").then().statusCode(200);
        as("bureau-viewer", "810101").queryParam("region", "8101").get("/api/v1/exports/warnings.csv").then()
                .statusCode(404);
    }
}
