package org.socialwork.projects.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.socialwork.projects.Fixtures.as;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service-record source totals count each record once at its current revision, on the business
 * day (China) it happened, in the subtree of its station's region; only in the caller's scope.
 */
@QuarkusTest
@Tag("clock")
class ServiceRecordSourceTotalsTest {

    private static final String PATH = "/api/v1/admin/source-totals";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void recordsOfTheDayAreCountedOnceAtTheirLatestRevisionOnTheChineseBusinessDay() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String client = Fixtures.createClient(w, "核对探访对象");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        LocalDate day = clock.today().minusDays(3);
        String period = day.toString();
        Map<String, Long> before = totals(Fixtures.bureau(Fixtures.HAINING), Fixtures.TOWNSHIP, period);

        UUID visit = UUID.randomUUID();
        OffsetDateTime morning = day.atTime(9, 0).atZone(clock.zone()).toOffsetDateTime();
        as(worker).body(Fixtures.visit(visit, w, client, morning.toString())).post("/api/v1/service-records")
                .then().statusCode(201);
        // 23:30 in China is still the day, although it is 15:30 UTC; 00:10 the next morning is not, although its UTC date is the day.
        Map<String, Object> group = Fixtures.visit(UUID.randomUUID(), w, client,
                day.atTime(23, 30).atZone(clock.zone()).toOffsetDateTime().toString());
        group.put("type", "GROUP_SESSION");
        group.put("clientIds", List.of());
        group.put("participantCount", 12);
        group.put("durationMinutes", 90);
        Map<String, Object> nextMorning = Fixtures.visit(UUID.randomUUID(), w, client,
                day.plusDays(1).atTime(0, 10).atZone(clock.zone()).toOffsetDateTime().toString());
        as(worker).body(Map.of("records", List.of(group, nextMorning))).post("/api/v1/service-records/batch")
                .then().statusCode(200).body("created", equalTo(2));
        // A correction replaces the record's first revision: it is counted once, with its new duration.
        Map<String, Object> correction = new LinkedHashMap<>();
        correction.put("type", "VISIT");
        correction.put("occurredAt", morning.toString());
        correction.put("durationMinutes", 60);
        correction.put("clientIds", List.of(client));
        correction.put("serviceItems", List.of("ELDERLY_CARE"));
        as(worker).header("If-Match", "\"1\"").body(correction).put("/api/v1/service-records/" + visit)
                .then().statusCode(200).body("revision", equalTo(2));

        long visitParticipants = Fixtures.count(dataSource, "select participant_count from service_record where id = ?", visit);
        Map<String, Long> after = totals(Fixtures.bureau(Fixtures.HAINING), Fixtures.TOWNSHIP, period);
        assertThat(delta(before, after)).containsOnly(
                Map.entry("serviceRecords", 2L),
                Map.entry("serviceRecords.byType.VISIT", 1L),
                Map.entry("serviceRecords.byType.GROUP_SESSION", 1L),
                Map.entry("serviceMinutes", 150L),
                Map.entry("serviceParticipants", 12L + visitParticipants));
        // Exactly what the table holds for the day, not only what this test added.
        assertThat(after.get("serviceRecords")).isEqualTo(Fixtures.count(dataSource, """
                select count(*) from service_record where station_region_code like ? and occurred_at >= ? and occurred_at < ?""",
                Fixtures.TOWNSHIP + "%", day.atStartOfDay(clock.zone()).toOffsetDateTime(),
                day.plusDays(1).atStartOfDay(clock.zone()).toOffsetDateTime()));
        as(Fixtures.bureau(Fixtures.HAINING)).queryParam("region", Fixtures.TOWNSHIP).queryParam("period", period).get(PATH)
                .then().statusCode(200).body("source", equalTo("projects-service")).body("region", equalTo(Fixtures.TOWNSHIP))
                .body("period.type", equalTo("DAY")).body("period.start", equalTo(period)).body("period.end", equalTo(period));
        // The same days as a range give the same totals.
        assertThat(totalsOfRange(Fixtures.bureau(Fixtures.HAINING), Fixtures.TOWNSHIP, day, day)).isEqualTo(after);
    }

    @Test
    void aPlatformAdminCountsTheCountry() {
        String month = clock.thisMonth().toString();
        long all = Fixtures.count(dataSource, "select count(*) from service_record where occurred_at >= ? and occurred_at < ?",
                clock.thisMonth().atDay(1).atStartOfDay(clock.zone()).toOffsetDateTime(),
                clock.thisMonth().plusMonths(1).atDay(1).atStartOfDay(clock.zone()).toOffsetDateTime());
        assertThat(totals(Fixtures.admin(), null, month).get("serviceRecords")).isEqualTo(all);
        as(Fixtures.admin()).queryParam("period", month).get(PATH).then().statusCode(200).body("region", nullValue())
                .body("period.type", equalTo("MONTH"));
    }

    @Test
    void aRegionOutsideTheScopeIsNotFoundOtherRolesAreRefusedAndABadPeriodIsAProblem() {
        as(Fixtures.bureau(Fixtures.PINGHU)).queryParam("region", Fixtures.HAINING).get(PATH).then().statusCode(404)
                .contentType("application/problem+json");
        for (String role : List.of("agency-admin", "field-worker", "evaluator", "dashboard")) {
            as(DevTokens.mint(new DevTokens.Caller(role + "-" + UUID.randomUUID(), Set.of(role), Fixtures.HAINING, null, null)))
                    .queryParam("region", Fixtures.HAINING).get(PATH).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String bad : List.of("2026-13", "2026-W54", "2026-Q5", "yesterday")) {
            as(Fixtures.bureau(Fixtures.HAINING)).queryParam("period", bad).get(PATH).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        }
        as(Fixtures.bureau(Fixtures.HAINING)).queryParam("from", "2026-11-01").get(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        as(Fixtures.bureau(Fixtures.HAINING)).queryParam("period", "2026-11").queryParam("from", "2026-11-01")
                .queryParam("to", "2026-11-02").get(PATH).then().statusCode(400).body("errors[0].field", equalTo("period"));
    }

    private static Map<String, Long> totals(String token, String region, String period) {
        var request = as(token).queryParam("period", period);
        if (region != null) {
            request.queryParam("region", region);
        }
        return map(request.get(PATH).then().statusCode(200).extract().path("totals"));
    }

    private static Map<String, Long> totalsOfRange(String token, String region, LocalDate from, LocalDate to) {
        return map(as(token).queryParam("region", region).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get(PATH).then().statusCode(200).extract().path("totals"));
    }

    private static Map<String, Long> map(List<Map<String, Object>> totals) {
        Map<String, Long> map = new HashMap<>();
        totals.forEach(t -> map.put((String) t.get("measure"), ((Number) t.get("value")).longValue()));
        return map;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        before.forEach((k, v) -> {
            if (!after.containsKey(k) && v != 0) {
                delta.put(k, -v);
            }
        });
        return delta;
    }
}
