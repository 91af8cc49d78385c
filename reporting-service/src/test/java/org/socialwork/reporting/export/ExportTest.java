package org.socialwork.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.reporting.readmodel.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * CSV exports: UTF-8 with BOM, formula-like names defused, scoped like the JSON endpoints. XLSX
 * exports: the same header and values as the CSV, numbers as numeric cells, no formula anywhere.
 */
@QuarkusTest
@Tag("clock")
class ExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Columns holding text (codes, ids, enums, times, names); every other column holds numbers. */
    private static final Set<String> TEXT_COLUMNS = Set.of("code", "name", "id", "kind", "regionCode", "subjectType",
            "subjectId", "severity", "detail", "status", "raisedAt", "updatedAt", "periodType", "periodStart",
            "periodEnd", "submittedAt", "approvedAt", "narrative");

    @Inject
    DataSource dataSource;

    @Test
    void dashboardTablesExportAsSafeCsvAndXlsx() throws Exception {
        UUID station = UUID.randomUUID();
        try (Fixtures events = new Fixtures()) {
            Fixtures.awaitConsumed(dataSource, List.of(
                    events.region("81", "导出省", "PROVINCE", 1),
                    events.region("8101", "=HYPERLINK(\"http://x\")", "CITY", 1),
                    events.region("810101", "导出县", "COUNTY", 1),
                    events.region("810101001", "导出镇", "TOWNSHIP", 1),
                    events.station(station, "810101001", "TOWNSHIP_STATION", "OPERATING", true, 1,
                            s -> s.put("updatedAt", "2024-10-15T02:00:00Z")),
                    events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-03T02:00:00Z", 90, station,
                            "810101001", List.of(UUID.randomUUID()), List.of()))));
        }
        byte[] body = as("dashboard", "81").queryParam("region", "81").queryParam("period", "2024-09")
                .get("/api/v1/exports/service-output.csv").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"service-output-81-2024-09-01.csv\"")
                .extract().asByteArray();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("code,name,records,visits");
        assertThat(lines.get(1)).isEqualTo("8101,\"'=HYPERLINK(\"\"http://x\"\")\",1,1,0,0,0,0,0,0,1.5,1,1");
        assertThat(lines.get(2)).startsWith("81,导出省,1,1,");

        Sheet output = sameAsCsv("dashboard", "81", "service-output", Map.of("period", "2024-09"), 3).sheet();
        Cell name = output.getRow(1).getCell(1);
        assertThat(name.getCellType()).isEqualTo(CellType.STRING);
        assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(output.getRow(1).getCell(10).getNumericCellValue()).isEqualTo(1.5);
        assertThat(output.getRow(1).getCell(12).getNumericCellValue()).as("distinct clients of the child").isEqualTo(1.0);
        assertThat(output.getRow(2).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);

        sameAsCsv("dashboard", "81", "network", Map.of(), 2);
        List<List<String>> coverageNow = sameAsCsv("dashboard", "81", "coverage", Map.of(), 3).csv();
        assertThat(coverageNow.get(1).subList(2, 4)).as("the station covers its township since October 2024").containsExactly("1", "1");
        assertThat(coverageNow.get(2).subList(0, 4)).containsExactly("81", "导出省", "1", "1");
        List<List<String>> coverageThen = sameAsCsv("dashboard", "81", "coverage", Map.of("period", "2024-09"), 3).csv();
        assertThat(coverageThen.get(2).subList(2, 4)).as("its snapshot is dated after September 2024")
                .containsExactly("1", "0");
        for (String dashboard : List.of("workforce", "visit-compliance", "evaluations")) {
            Map<String, String> params = Map.of("period", "2024");
            List<List<String>> rows = sameAsCsv("dashboard", "81", dashboard, params, childRows(dashboard, "children", params) + 2)
                    .csv();
            assertThat(rows.get(rows.size() - 1).subList(0, 2)).as(dashboard + " ends with the region's total")
                    .containsExactly("81", "导出省");
        }
        List<List<String>> projects = sameAsCsv("dashboard", "81", "projects", Map.of(),
                childRows("projects", "byPurchaser", Map.of()) + 2).csv();
        assertThat(projects.get(0)).contains("status.IN_SERVICE", "budgetFen.WELFARE_LOTTERY_FUND");
        List<List<String>> workforce = sameAsCsv("dashboard", "81", "workforce", Map.of("period", "2024"),
                childRows("workforce", "children", Map.of("period", "2024")) + 2).csv();
        assertThat(workforce.get(0)).contains("category.CIVIL_AFFAIRS_ASSISTANT", "qualification.SENIOR", "localTrainees");
        assertThat(workforce.get(workforce.size() - 1).get(workforce.get(0).indexOf("operatingStations")))
                .as("the province's operating stations").isEqualTo("1");
        sameAsCsv("dashboard", "81", "rankings", Map.of("period", "2024-09"), 2);
        sameAsCsv("bureau-viewer", "81", "warnings", Map.of(), 1);
        sameAsCsv("bureau-viewer", "81", "reports", Map.of(), 1);
        for (String export : List.of("network", "coverage", "service-output", "workforce", "projects",
                "visit-compliance", "evaluations", "rankings", "warnings", "reports")) {
            for (String format : List.of("csv", "xlsx")) {
                as("bureau-viewer", "810101").queryParam("region", "8101").queryParam("period", "2024-09")
                        .get("/api/v1/exports/" + export + "." + format).then().statusCode(404);
            }
        }
    }

    /**
     * Fetches an export as CSV and as XLSX and asserts that both hold the same header and values,
     * that numbers are numeric cells and that no cell is a formula; returns both.
     */
    /** The number of rows of a list in the JSON answer of a dashboard for province 81. */
    private static int childRows(String dashboard, String list, Map<String, String> params) {
        return as("dashboard", "81").queryParam("region", "81").queryParams(params).get("/api/v1/dashboards/" + dashboard)
                .then().statusCode(200).extract().jsonPath().getList(list).size();
    }

    private record Exported(List<List<String>> csv, Sheet sheet) {
    }

    private static Exported sameAsCsv(String role, String region, String export, Map<String, String> params, int lines)
            throws Exception {
        List<List<String>> csv = parseCsv(new String(as(role, region).queryParam("region", region).queryParams(params)
                .get("/api/v1/exports/" + export + ".csv").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8).substring(1));
        ExtractableResponse<Response> response = as(role, region).queryParam("region", region).queryParams(params)
                .get("/api/v1/exports/" + export + ".xlsx").then().statusCode(200).header("Content-Type", XLSX)
                .header("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
                        "attachment; filename=\"" + export.replace("rankings", "ranking") + "[^\"/]*\\.xlsx\""))
                .extract();
        assertThat(csv).as(export + ".csv lines").hasSize(lines);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum() + 1).as(export + ".xlsx rows").isEqualTo(csv.size());
            for (int r = 0; r < csv.size(); r++) {
                Row row = sheet.getRow(r);
                List<String> expected = csv.get(r);
                assertThat((int) row.getLastCellNum()).isLessThanOrEqualTo(expected.size());
                for (int c = 0; c < expected.size(); c++) {
                    assertCell(export + " row " + r + " column " + csv.get(0).get(c), row.getCell(c), expected.get(c),
                            r > 0 && !TEXT_COLUMNS.contains(csv.get(0).get(c)));
                }
            }
            return new Exported(csv, sheet);
        }
    }

    private static void assertCell(String where, Cell cell, String csv, boolean numeric) {
        if (csv.isEmpty()) {
            assertThat(cell).as(where).isNull();
            return;
        }
        assertThat(cell).as(where).isNotNull();
        assertThat(cell.getCellType()).as(where).isNotEqualTo(CellType.FORMULA);
        if (numeric) {
            assertThat(cell.getCellType()).as(where + " is a number").isEqualTo(CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).as(where).isEqualTo(Double.parseDouble(csv));
        } else {
            assertThat(cell.getCellType()).as(where).isEqualTo(CellType.STRING);
            String defused = !cell.getStringCellValue().isEmpty()
                    && "=+-@\t\r".indexOf(cell.getStringCellValue().charAt(0)) >= 0 ? "'" + cell.getStringCellValue()
                            : cell.getStringCellValue();
            assertThat(defused).as(where).isEqualTo(csv);
        }
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        return rows;
    }
}
