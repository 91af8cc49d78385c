package org.socialwork.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.reporting.readmodel.Fixtures;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Distinct clients served, for days, weeks, months and ranges cutting across months, in totals and
 * child rows down to the village. Client A is served in city 8401 on 3 September and in city 8402
 * on 20 September; client B in a village of 8401 on 30 September and 2 October.
 */
@QuarkusTest
class DistinctClientsTest {

    @Inject
    DataSource dataSource;

    private static JsonPath output(String region, String... period) {
        var request = as("dashboard", "84").queryParam("region", region);
        if (period.length == 1) {
            request.queryParam("period", period[0]);
        } else {
            request.queryParam("from", period[0]).queryParam("to", period[1]);
        }
        return request.get("/api/v1/dashboards/service-output").then().statusCode(200).extract().jsonPath();
    }

    private static long child(JsonPath dashboard, String code) {
        return dashboard.getLong("children.find { it.code == '" + code + "' }.figures.distinctClients");
    }

    @Test
    void distinctClientsAreCountedForAnyPeriodAndEveryChild() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID station1 = UUID.randomUUID();
        UUID station2 = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        UUID bInSeptember = UUID.randomUUID();
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region("84", "去重省", "PROVINCE", 1));
            sent.add(events.region("8401", "甲市", "CITY", 1));
            sent.add(events.region("8402", "乙市", "CITY", 1));
            sent.add(events.region("840101", "甲县", "COUNTY", 1));
            sent.add(events.region("840101001", "甲镇", "TOWNSHIP", 1));
            sent.add(events.region("840101001001", "甲村", "VILLAGE", 1));
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-03T02:00:00Z", 30, station1,
                    "840101001", List.of(a), List.of())));
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-03T05:00:00Z", 30, station1,
                    "840101001", List.of(a), List.of())));
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "CASE_SESSION", "2024-09-20T02:00:00Z", 60, station2,
                    "840201001", List.of(a), List.of())));
            sent.add(events.send(events.record(bInSeptember, 1, "VISIT", "2024-09-30T02:00:00Z", 30, room,
                    "840101001001", List.of(b), List.of())));
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-10-02T02:00:00Z", 30, room,
                    "840101001001", List.of(b), List.of())));
            Fixtures.awaitConsumed(dataSource, sent);

            JsonPath day = output("84", "2024-09-03");
            assertThat(day.getLong("totals.visits")).isEqualTo(2);
            assertThat(day.getLong("totals.distinctClients")).isEqualTo(1);
            assertThat(child(day, "8401")).isEqualTo(1);
            assertThat(output("84", "2024-W36").getLong("totals.distinctClients")).isEqualTo(1);

            JsonPath september = output("84", "2024-09");
            assertThat(september.getLong("totals.distinctClients")).isEqualTo(2);
            assertThat(child(september, "8401")).isEqualTo(2);
            assertThat(child(september, "8402")).isEqualTo(1);

            JsonPath range = output("84", "2024-09-15", "2024-10-05");
            assertThat(range.getLong("totals.distinctClients")).isEqualTo(2);
            assertThat(child(range, "8401")).isEqualTo(1);
            assertThat(child(range, "8402")).isEqualTo(1);
            assertThat(output("84", "2024-08-15", "2024-10-01").getLong("totals.distinctClients")).isEqualTo(2);
            assertThat(output("84", "2024-10-01", "2024-10-31").getLong("totals.distinctClients")).isEqualTo(1);

            // A calendar month, quarter or year reads the distinct-client counters; a range the client rows.
            JsonPath year = output("84", "2024");
            assertThat(year.getLong("totals.distinctClients")).isEqualTo(2);
            assertThat(child(year, "8401")).isEqualTo(2);
            assertThat(child(year, "8402")).isEqualTo(1);
            assertThat(output("84", "2024-01-01", "2024-12-31").getLong("totals.distinctClients")).isEqualTo(2);
            assertThat(output("84", "2024-Q4").getLong("totals.distinctClients")).isEqualTo(1);
            assertThat(output("84", "2023").getLong("totals.distinctClients")).isZero();

            JsonPath township = output("840101001", "2024-Q3");
            assertThat(township.getLong("totals.distinctClients")).isEqualTo(2);
            assertThat(child(township, "840101001001")).isEqualTo(1);

            // B's September record is corrected to have served C: B leaves September, C enters it.
            ObjectNode corrected = events.record(bInSeptember, 2, "VISIT", "2024-09-30T02:00:00Z", 30, room,
                    "840101001001", List.of(c), List.of());
            Fixtures.awaitConsumed(dataSource, List.of(events.send(corrected)));
            assertThat(output("84", "2024-09-30").getLong("totals.distinctClients")).isEqualTo(1);
            assertThat(output("84", "2024-09-16", "2024-10-02").getLong("totals.distinctClients")).isEqualTo(3);
            assertThat(output("84", "2024-09").getLong("totals.distinctClients")).isEqualTo(2);
            assertThat(output("84", "2024-09-29", "2024-09-30").getLong("totals.distinctClients")).isEqualTo(1);
            JsonPath correctedYear = output("84", "2024");
            assertThat(correctedYear.getLong("totals.distinctClients")).isEqualTo(3);
            assertThat(child(correctedYear, "8401")).isEqualTo(3);
            assertThat(output("84", "2024-07-01", "2024-09-30").getLong("totals.distinctClients")).isEqualTo(2);
            assertThat(output("84", "2024-Q3").getLong("totals.distinctClients")).isEqualTo(2);
            assertThat(output("840101001001", "2024-09").getLong("totals.distinctClients")).as("C replaced B").isEqualTo(1);
        }
    }
}
