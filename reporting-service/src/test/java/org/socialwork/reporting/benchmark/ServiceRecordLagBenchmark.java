package org.socialwork.reporting.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.reporting.readmodel.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a test (its name keeps it out of the normal test run; deploy/bench/reporting.sh
 * runs it with {@code -Dtest=ServiceRecordLagBenchmark}): write-to-dashboard lag under a steady
 * stream of service records on the real broker. For each record, from just before it is published
 * to the time its inbox row was written, in the transaction that also updates the rollups (it
 * commits a few milliseconds later; the dashboards read the rollups directly). Prints p50/p95/p99;
 * asserts only that every record arrived. Rate and count: {@code -Dbench.rate}, {@code -Dbench.records}.
 */
@QuarkusTest
class ServiceRecordLagBenchmark {

    private static final int RATE_PER_SECOND = Integer.getInteger("bench.rate", 50);
    private static final int RECORDS = Integer.getInteger("bench.records", 500);

    @Inject
    DataSource dataSource;

    @Test
    void measureWriteToRollupLag() throws Exception {
        UUID station = UUID.randomUUID();
        Map<UUID, Instant> sentAt = new HashMap<>();
        try (Fixtures events = new Fixtures()) {
            Fixtures.awaitConsumed(dataSource, List.of(events.region("82", "时延省", "PROVINCE", 1)));
            long interval = 1_000_000_000L / RATE_PER_SECOND;
            long next = System.nanoTime();
            for (int i = 0; i < RECORDS; i++) {
                LockSupport.parkNanos(next - System.nanoTime());
                next += interval;
                UUID eventId = UUID.randomUUID();
                sentAt.put(eventId, Instant.now());
                events.send(eventId, events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-03T02:00:00Z", 30, station,
                        "820101001", List.of(UUID.randomUUID()), List.of("ELDERLY")));
            }
            Fixtures.awaitConsumed(dataSource, sentAt.keySet());
        }
        List<Long> lags = processedLags(sentAt);
        lags.sort(Long::compare);
        assertThat(lags).hasSize(RECORDS);
        System.out.printf("[benchmark] write-to-rollup lag at %d records/s over %d records: p50 %d ms, p95 %d ms,"
                + " p99 %d ms, max %d ms%n", RATE_PER_SECOND, RECORDS, percentile(lags, 50), percentile(lags, 95),
                percentile(lags, 99), lags.get(lags.size() - 1));
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(List<Long> sorted, int p) {
        return sorted.get((int) Math.ceil(sorted.size() * p / 100.0) - 1);
    }

    private List<Long> processedLags(Map<UUID, Instant> sentAt) throws Exception {
        List<Long> lags = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select event_id, processed_at from inbox_event where event_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", sentAt.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant applied = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
                    lags.add(applied.toEpochMilli() - sentAt.get(rs.getObject(1, UUID.class)).toEpochMilli());
                }
            }
        }
        return lags;
    }
}
