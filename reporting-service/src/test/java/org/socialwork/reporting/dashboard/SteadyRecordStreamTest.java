package org.socialwork.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.reporting.readmodel.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A steady stream of service records on the real broker: every record shows up in the dashboard
 * figures, exactly once. How fast is measured by deploy/bench/reporting.sh (ServiceRecordLagBenchmark),
 * not asserted here.
 */
@QuarkusTest
class SteadyRecordStreamTest {

    private static final int RATE_PER_SECOND = 50;
    private static final int RECORDS = 150;

    @Inject
    DataSource dataSource;

    @Test
    void everyRecordOfASteadyStreamReachesTheDashboard() {
        UUID station = UUID.randomUUID();
        List<UUID> sent = new ArrayList<>();
        try (Fixtures events = new Fixtures()) {
            Fixtures.awaitConsumed(dataSource, List.of(events.region("83", "流量省", "PROVINCE", 1),
                    events.region("8301", "流量市", "CITY", 1)));
            // Paced like a real producer, so records arrive while earlier ones are being applied.
            long interval = 1_000_000_000L / RATE_PER_SECOND;
            long next = System.nanoTime();
            for (int i = 0; i < RECORDS; i++) {
                LockSupport.parkNanos(next - System.nanoTime());
                next += interval;
                String type = i % 3 == 0 ? "GROUP_SESSION" : "VISIT";
                List<UUID> clients = i % 3 == 0 ? List.of(UUID.randomUUID(), UUID.randomUUID()) : List.of(UUID.randomUUID());
                sent.add(events.send(events.record(UUID.randomUUID(), 1, type, "2024-09-03T02:00:00Z", 30, station,
                        "830101001", clients, List.of("ELDERLY"))));
            }
            Fixtures.awaitConsumed(dataSource, sent);
        }
        double hours = as("dashboard", "83").queryParam("region", "83").queryParam("period", "2024-09")
                .get("/api/v1/dashboards/service-output").then().statusCode(200)
                .body("totals.records", equalTo(RECORDS))
                .body("totals.visits", equalTo(RECORDS * 2 / 3))
                .body("totals.groupSessions", equalTo(RECORDS / 3))
                .body("totals.participants", equalTo(RECORDS + RECORDS / 3))
                .body("totals.distinctClients", equalTo(RECORDS + RECORDS / 3))
                .body("children.find { it.code == '8301' }.figures.records", equalTo(RECORDS))
                .body("children.find { it.code == '8301' }.figures.distinctClients", equalTo(RECORDS + RECORDS / 3))
                .extract().jsonPath().getDouble("totals.serviceHours");
        assertThat(hours).isEqualTo(RECORDS * 30 / 60.0);
    }
}
