package org.socialwork.stations.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialwork.platform.outbox.OutboxConfig;
import org.socialwork.infra.testing.CommitFault;
import org.socialwork.infra.testing.OutboxLedger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, item 5, for the set-based writer: the region import merges the staged rows and writes
 * their outbox rows in one statement, on a connection whose transaction the importer commits
 * itself (it cannot join a caller's transaction). A seeded ~30% of the imports fail at that
 * commit, after the merge and its outbox append returned: a deferred constraint trigger that only
 * this test installs refuses a marked row when the transaction commits. Every import goes through
 * {@link RegionImportService#start} of a directory import, in a transaction the test commits, like the
 * resource's request.
 */
@QuarkusTest
class RegionImportAtomicityTest {

    private static final long SEED = Long.getLong("atomicity.seed", 14_05_2026L);
    private static final int IMPORTS = 100;
    private static final int ROWS_PER_IMPORT = 10;
    /** Rows of an import that rename townships earlier imports committed (once there are some). */
    private static final int RENAMES_PER_IMPORT = 3;
    private static final double ROLLBACK_SHARE = 0.3;
    /** A city no fixture uses: its townships are this test's own. */
    private static final String CITY = "9901";
    private static final String FAULT_MARK = "#rollback";

    @Inject
    RegionImportService imports;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig outboxConfig;

    @TempDir
    Path dir;

    @Test
    void everyCommittedImportRowHasExactlyItsOutboxRowsAndAFailedImportLeavesNothing() throws Exception {
        assertThat(outboxConfig.retention()).isGreaterThan(Duration.ofDays(1));
        Random random = new Random(SEED);
        System.out.printf("RegionImportAtomicityTest: seed %d, %d imports of %d rows, rollback share %.2f%n", SEED,
                IMPORTS, ROWS_PER_IMPORT, ROLLBACK_SHARE);
        Map<String, Long> versions = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> committed = new ArrayList<>();
        List<String> neverCommitted = new ArrayList<>();
        int nextCode = 0;
        int failed = 0;
        long started = System.nanoTime();
        try (CommitFault fault = CommitFault.install(dataSource, "region", FAULT_MARK)) {
            for (int i = 0; i < IMPORTS; i++) {
                boolean rollback = random.nextDouble() < ROLLBACK_SHARE;
                List<String> codes = new ArrayList<>();
                int renames = Math.min(RENAMES_PER_IMPORT, committed.size());
                while (codes.size() < renames) {
                    String code = committed.get(random.nextInt(committed.size()));
                    if (!codes.contains(code)) {
                        codes.add(code);
                    }
                }
                while (codes.size() < ROWS_PER_IMPORT) {
                    codes.add(township(nextCode++));
                }
                Map<String, String> rows = new HashMap<>();
                StringBuilder csv = new StringBuilder("code,name,areaCode,provinceCode,cityCode\n");
                for (int r = 0; r < codes.size(); r++) {
                    String code = codes.get(r);
                    // One marked row fails the commit; the other nine must go with it.
                    String name = "原子性测试" + code + "第" + i + "批" + (rollback && r == codes.size() - 1 ? FAULT_MARK : "") + "镇";
                    rows.put(code, name);
                    csv.append(code).append(",\"").append(name).append("\",").append(code, 0, 6).append(',')
                            .append(code, 0, 2).append(',').append(code, 0, 4).append('\n');
                }
                // As a DIRECTORY import request would: a server-side directory below the import root (the temp dir).
                Path directory = Files.createDirectory(dir.resolve("import-" + i));
                Files.writeString(directory.resolve(DivisionFile.STREETS.fileName()), csv, StandardCharsets.UTF_8);
                RegionImportJob job = finished(QuarkusTransaction.requiringNew().call(() -> imports.start(
                        "DIRECTORY", imports.filesIn(directory.toString()), null)).id);
                if (rollback) {
                    failed++;
                    assertThat(job.state).as("import %d", i).isEqualTo(RegionImportState.FAILED);
                    assertThat(job.errorKey).isEqualTo("region.import.internal");
                    codes.stream().filter(code -> !versions.containsKey(code)).forEach(neverCommitted::add);
                } else {
                    assertThat(job.state).as("import %d: %s %s", i, job.errorKey, job.errorArgs)
                            .isEqualTo(RegionImportState.SUCCEEDED);
                    assertThat(job.inserted + job.updated).isEqualTo(ROWS_PER_IMPORT);
                    for (String code : codes) {
                        if (versions.merge(code, 1L, Long::sum) == 1) {
                            committed.add(code);
                        }
                        names.put(code, rows.get(code));
                    }
                }
            }
        }
        long writeMillis = (System.nanoTime() - started) / 1_000_000;
        neverCommitted.removeIf(versions::containsKey);

        List<String> keys = new ArrayList<>(versions.keySet());
        keys.addAll(neverCommitted);
        Map<String, Long> expected = new HashMap<>();
        // An inserted division publishes version 1, each committed rename one more: as many rows as its version.
        versions.forEach((code, version) -> expected.put(code + "|" + RegionChangedEvent.TYPE, version));
        long expectedRows = expected.values().stream().mapToLong(Long::longValue).sum();

        assertThat(OutboxLedger.differences(expected, OutboxLedger.rowsByKeyAndType(dataSource, keys)))
                .as("outbox rows per division and event type that differ from the committed imports").isEmpty();
        assertThat(OutboxLedger.differences(versions,
                OutboxLedger.counts(dataSource, "select code, version from region where code = any(?)", keys)))
                .as("divisions whose stored version differs from the committed imports").isEmpty();
        assertThat(OutboxLedger.differences(names,
                OutboxLedger.texts(dataSource, "select code, name from region where code = any(?)", keys)))
                .as("divisions whose stored name is not the last committed one").isEmpty();
        assertThat(OutboxLedger.counts(dataSource, """
                select o.event_key, count(*) from outbox_event o join region r on r.code = o.event_key
                where o.event_key = any(?) and (o.payload ->> 'version')::bigint = r.version and o.payload ->> 'name' = r.name
                group by o.event_key""", keys)).hasSize(versions.size());
        long orphans = OutboxLedger.orphans(dataSource, RegionChangedEvent.TOPIC,
                "exists (select 1 from region r where r.code = o.event_key)");
        assertThat(orphans).isZero();

        OutboxLedger.awaitRelayed(dataSource, keys);
        assertThat(OutboxLedger.differences(expected, OutboxLedger.rowsByKeyAndType(dataSource, keys)))
                .as("outbox rows after the relay published them").isEmpty();
        long totalMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("RegionImportAtomicityTest: seed %d, %d imports, %d row writes, %d imports (%d rows) failed at "
                + "commit, %d divisions committed, %d outbox rows expected and found, %d orphans; imports %d ms, with checks "
                + "and relay drain %d ms%n", SEED, IMPORTS, IMPORTS * ROWS_PER_IMPORT, failed, failed * ROWS_PER_IMPORT,
                versions.size(), expectedRows, orphans, writeMillis, totalMillis);
    }

    /** The n-th township of the test's city: ten counties of a hundred townships. */
    private static String township(int n) {
        return CITY + String.format("%02d%03d", n / 100 + 1, n % 100 + 1);
    }

    private RegionImportJob finished(UUID id) {
        RegionImportJob[] job = new RegionImportJob[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
            job[0] = imports.get(id);
            return job[0].state == RegionImportState.SUCCEEDED || job[0].state == RegionImportState.FAILED;
        });
        return job[0];
    }
}
