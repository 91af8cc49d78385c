package org.socialwork.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.reporting.support.Jdbc;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rollups of service records applied many to a transaction (how the consumers apply a batch) are
 * the rollups of the same records applied one transaction each, and changes gathered but never written
 * cannot commit. Each case writes into generations of its own, so nothing else is touched.
 */
@QuarkusTest
class RollupBatchTest {

    private static final String[] ROLLUPS = {
        "select level, scope, day, measure, value from ru_day where gen = ? order by 1, 2, 3, 4",
        "select level, scope, month, measure, value from ru_month where gen = ? order by 1, 2, 3, 4",
        "select scope, month, client_id, visits, records from ru_client_month where gen = ? order by 1, 2, 3",
        "select scope, day, client_id, records from ru_client_day where gen = ? order by 1, 2, 3",
        "select level, scope, grain, start, clients from ru_client_distinct where gen = ? order by 1, 2, 3, 4"};

    @Inject
    ReadModelWriter writer;

    @Inject
    Jdbc jdbc;

    /** Records, corrections and withdrawals of a few clients over two months and a year's turn, in a seeded order. */
    private static List<Inbound.ServiceRecord> revisions(long seed) {
        Random random = new Random(seed);
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(new UUID(seed, i));
        }
        UUID[] stations = {new UUID(seed, 100), new UUID(seed, 101)};
        String[] townships = {"730101001", "730102001"};
        String[] days = {"2025-12-30T02:00:00Z", "2025-12-31T17:30:00Z", "2026-01-05T03:00:00Z", "2026-02-11T09:00:00Z"};
        String[] types = {"VISIT", "GROUP_SESSION", "CASE_SESSION"};
        List<Inbound.ServiceRecord> out = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            UUID id = new UUID(seed, 1000 + r);
            int revisions = 1 + random.nextInt(3);
            for (int revision = 1; revision <= revisions; revision++) {
                int station = random.nextInt(2);
                List<UUID> served = List.of(clients.get(random.nextInt(6)), clients.get(random.nextInt(6))).stream().distinct()
                        .toList();
                out.add(new Inbound.ServiceRecord(id, revision, types[random.nextInt(3)],
                        OffsetDateTime.parse(days[random.nextInt(days.length)]), 15 + random.nextInt(90), stations[station],
                        townships[station], null, served, random.nextInt(4), List.of(random.nextBoolean() ? "ELDERLY" : "CHILDREN")));
            }
        }
        return out;
    }

    private List<String> rollups(int gen) {
        List<String> rows = new ArrayList<>();
        for (String sql : ROLLUPS) {
            rows.addAll(QuarkusTransaction.requiringNew().call(() -> jdbc.query(sql, rs -> {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.append(rs.getObject(c)).append('|');
                }
                return row.toString();
            }, gen)));
        }
        return rows;
    }

    @Test
    void manyRecordsInOneTransactionRollUpAsTheyDoOneTransactionEach() {
        int batched = 880_001;
        int single = 880_002;
        List<Inbound.ServiceRecord> revisions = revisions(16_052_026L);
        QuarkusTransaction.requiringNew().run(() -> {
            revisions.forEach(r -> writer.write(batched, r));
            writer.flush();
        });
        for (Inbound.ServiceRecord r : revisions) {
            QuarkusTransaction.requiringNew().run(() -> {
                writer.write(single, r);
                writer.flush();
            });
        }
        List<String> one = rollups(batched);
        assertThat(one).hasSizeGreaterThan(100);
        assertThat(one).containsExactlyElementsOf(rollups(single));
        // a record of 17:30 UTC on 31 December counts in China's January
        assertThat(one).anySatisfy(row -> assertThat(row).contains("|2026-01-01|"));
        assertThat(one).anySatisfy(row -> assertThat(row).contains("|2025-12-01|"));
    }

    @Test
    void rollupChangesThatWereNeverWrittenCannotCommit() {
        int gen = 880_003;
        Inbound.ServiceRecord record = revisions(7L).get(0);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> writer.write(gen, record)))
                .hasStackTraceContaining("ReadModelWriter.flush() must run before the commit");
        long stored = QuarkusTransaction.requiringNew().call(() -> jdbc.one(
                "select count(*) from rm_service_record where gen = ?", rs -> rs.getLong(1), gen));
        assertThat(stored).isZero();
    }
}
