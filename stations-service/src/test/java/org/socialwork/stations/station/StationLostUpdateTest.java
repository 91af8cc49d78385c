package org.socialwork.stations.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.stations.station.StationFixtures.JIAXING;
import static org.socialwork.stations.station.StationFixtures.adminToken;
import static org.socialwork.stations.station.StationFixtures.as;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 14, item 6: sixteen editors change one station at once over HTTP, each adding its own
 * designations and incrementing the floor area, re-reading and retrying whenever If-Match is stale
 * (412). Nothing is lost: every edit is there and the version rose once per edit. The same run
 * without If-Match is refused (428) and changes nothing, so the test can tell the two apart.
 */
@QuarkusTest
class StationLostUpdateTest {

    private static final int EDITORS = 16;
    /** Edits per editor: a station holds at most 50 designations, and 16 × 3 = 48 of them fit. */
    private static final int EDITS = 3;
    /** The profile fields of {@link StationUpdateRequest}, copied from the read representation. */
    private static final List<String> PROFILE = List.of("name", "parentId", "address", "contactNote", "establishedOn",
            "operationMode", "agencyId");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void sixteenEditorsWithIfMatchLoseNothingAndWithoutItAreRefused() throws Exception {
        StationFixtures.ensureRegions(dataSource);
        String village = StationFixtures.villageOf(dataSource, StationFixtures.freeTownship(dataSource, JIAXING));
        String id = StationFixtures.createStation(StationFixtures.stationBody("VILLAGE_ROOM", village));
        String path = "/api/v1/stations/" + id;
        String token = adminToken();
        JsonNode before = read(token, path).body;
        assertThat(before.get("version").asLong()).isZero();
        assertThat(before.get("designations")).isEmpty();
        long outboxBefore = outboxRows(id);

        AtomicInteger retries = new AtomicInteger();
        long started = System.nanoTime();
        race((editor, edit) -> {
            int item = editor * EDITS + edit;
            while (true) {
                Read current = read(token, path);
                ObjectNode body = profile(current.body);
                body.withArray("designations").addObject()
                        .put("kind", item % 2 == 0 ? "PILOT" : "DEMONSTRATION")
                        .put("level", List.of("PROVINCIAL", "MUNICIPAL", "COUNTY").get(item % 3))
                        .put("year", 2000 + item);
                ObjectNode facilities = body.withObject("facilities");
                JsonNode area = facilities.get("floorAreaM2");
                facilities.put("floorAreaM2", (area == null || area.isNull() ? BigDecimal.ZERO : area.decimalValue()).add(BigDecimal.ONE));
                Response put = as(token).header("If-Match", current.etag).body(body.toString()).put(path);
                if (put.statusCode() == 200) {
                    return;
                }
                assertThat(put.statusCode()).as("editor %d, edit %d: %s", editor, edit, put.asString()).isEqualTo(412);
                retries.incrementAndGet();
            }
        });
        long raceMillis = (System.nanoTime() - started) / 1_000_000;

        Read after = read(token, path);
        Set<Integer> years = new TreeSet<>();
        after.body.get("designations").forEach(d -> years.add(d.get("year").asInt()));
        int edits = EDITORS * EDITS;
        int lost = edits - years.size();
        System.out.printf("StationLostUpdateTest: %d editors x %d edits = %d edits, %d retries after 412, %d lost, "
                + "version %d -> %d, %d ms%n", EDITORS, EDITS, edits, retries.get(), lost, before.get("version").asLong(),
                after.body.get("version").asLong(), raceMillis);
        assertThat(lost).isZero();
        assertThat(after.body.get("designations")).hasSize(edits);
        assertThat(years).hasSize(edits).first().isEqualTo(2000);
        assertThat(years).last().isEqualTo(2000 + edits - 1);
        assertThat(after.body.at("/facilities/floorAreaM2").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(edits));
        assertThat(after.body.get("version").asLong()).isEqualTo(edits);
        assertThat(after.etag).isEqualTo("\"" + edits + "\"");
        assertThat(outboxRows(id)).isEqualTo(outboxBefore + edits);
        // The editors really raced: some of them read a version another had already replaced.
        assertThat(retries.get()).isPositive();

        AtomicInteger refused = new AtomicInteger();
        race((editor, edit) -> {
            ObjectNode body = profile(after.body);
            body.withArray("designations").removeAll();
            body.withObject("facilities").put("floorAreaM2", 0);
            Response put = as(token).body(body.toString()).put(path);
            assertThat(put.statusCode()).isEqualTo(428);
            assertThat(put.contentType()).startsWith("application/problem+json");
            assertThat(put.jsonPath().getString("type")).isEqualTo("urn:socialwork:problem:precondition-required");
            refused.incrementAndGet();
        });
        Read unchanged = read(token, path);
        System.out.printf("StationLostUpdateTest: without If-Match %d of %d writes refused with 428, version %d%n",
                refused.get(), edits, unchanged.body.get("version").asLong());
        assertThat(refused.get()).isEqualTo(edits);
        assertThat(unchanged.body).isEqualTo(after.body);
        assertThat(unchanged.etag).isEqualTo(after.etag);
        assertThat(outboxRows(id)).isEqualTo(outboxBefore + edits);
    }

    private record Read(String etag, JsonNode body) {
    }

    private Read read(String token, String path) {
        Response get = as(token).get(path);
        assertThat(get.statusCode()).isEqualTo(200);
        try {
            return new Read(get.header("ETag"), mapper.readTree(get.asString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The body of a full-replacement PUT carrying what {@code view} holds. */
    private ObjectNode profile(JsonNode view) {
        ObjectNode body = mapper.createObjectNode();
        PROFILE.forEach(field -> body.set(field, view.get(field)));
        body.set("facilities", view.get("facilities").deepCopy());
        body.set("designations", view.get("designations").deepCopy());
        return body;
    }

    private interface Edit {
        void apply(int editor, int edit) throws Exception;
    }

    /**
     * Runs {@code EDITS} rounds of {@code EDITORS} threads; a barrier releases every round at once,
     * so the editors contend for the same version instead of taking turns.
     */
    private static void race(Edit edit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        CyclicBarrier round = new CyclicBarrier(EDITORS);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> editors = new ArrayList<>();
            for (int e = 0; e < EDITORS; e++) {
                int editor = e;
                editors.add(pool.submit(() -> {
                    for (int k = 0; k < EDITS; k++) {
                        round.await(60, TimeUnit.SECONDS);
                        try {
                            edit.apply(editor, k);
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> editor : editors) {
                editor.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " edits failed");
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }

    private long outboxRows(String id) {
        return Long.parseLong(StationFixtures.single(dataSource, "select count(*) from outbox_event where event_key = ?", id));
    }
}
