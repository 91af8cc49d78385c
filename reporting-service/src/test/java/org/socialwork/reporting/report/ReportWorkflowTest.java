package org.socialwork.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.reporting.readmodel.Fixtures.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.reporting.readmodel.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** A county report goes county → city → province; the province's approval publishes the locked period. */
@QuarkusTest
@Tag("clock")
class ReportWorkflowTest {

    @Inject
    DataSource dataSource;

    @Inject
    BusinessClock clock;

    static void regions(DataSource dataSource, String province) {
        try (Fixtures events = new Fixtures()) {
            List<UUID> sent = new ArrayList<>();
            sent.add(events.region(province, "报告省", "PROVINCE", 1));
            sent.add(events.region(province + "01", "报告市", "CITY", 1));
            for (String county : List.of("01", "02", "03")) {
                sent.add(events.region(province + "01" + county, "县" + county, "COUNTY", 1));
            }
            UUID station = UUID.randomUUID();
            sent.add(events.station(station, province + "0101001", "TOWNSHIP_STATION", "OPERATING", true, 1));
            sent.add(events.send(events.record(UUID.randomUUID(), 1, "VISIT", "2024-09-05T02:00:00Z", 30, station,
                    province + "0101001", List.of(UUID.randomUUID()), List.of("ELDERLY"))));
            Fixtures.awaitConsumed(dataSource, sent);
        }
    }

    static ExtractableResponse<Response> create(String county, String type, String period, String narrative) {
        return as("bureau-admin", county).contentType("application/json")
                .body(Map.of("regionCode", county, "periodType", type, "period", period, "narrative", narrative))
                .post("/api/v1/reports").then().statusCode(201).extract();
    }

    static ExtractableResponse<Response> step(String role, String region, String path, String etag, Object body) {
        var request = as(role, region).contentType("application/json");
        if (etag != null) {
            request.header("If-Match", etag);
        }
        if (body != null) {
            request.body(body);
        }
        return request.post(path).then().extract();
    }

    @Test
    void approvalByCityAndProvinceLocksThePeriod() throws Exception {
        regions(dataSource, "76");
        var created = create("760101", "MONTH", "2024-09", "九月走访情况良好。");
        String id = created.path("id");
        assertThat(created.<Integer>path("figures.serviceOutput.visits")).isEqualTo(1);
        assertThat(created.<String>path("status")).isEqualTo("DRAFT");
        assertThat(created.<String>path("dueOn")).isEqualTo("2024-10-05");
        as("bureau-admin", "760101").contentType("application/json")
                .body(Map.of("regionCode", "760101", "periodType", "MONTH", "period", "2024-09", "narrative", "again"))
                .post("/api/v1/reports").then().statusCode(409);
        String path = "/api/v1/reports/" + id;

        assertThat(step("bureau-admin", "760101", path + "/submit", null, null).statusCode()).isEqualTo(428);
        var submitted = step("bureau-admin", "760101", path + "/submit", "\"1\"", null);
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.<String>path("status")).isEqualTo("SUBMITTED");
        assertThat(step("bureau-admin", "760101", path + "/review", "\"2\"", Map.of("decision", "APPROVE")).statusCode())
                .as("the county cannot approve its own report").isEqualTo(403);
        assertThat(step("bureau-admin", "760201", path + "/review", "\"2\"", Map.of("decision", "APPROVE")).statusCode())
                .as("another county does not see it").isEqualTo(404);
        var cityApproved = step("bureau-admin", "7601", path + "/review", "\"2\"", Map.of("decision", "APPROVE"));
        assertThat(cityApproved.<String>path("status")).isEqualTo("CITY_APPROVED");
        assertThat(step("bureau-admin", "7601", path + "/review", "\"3\"", Map.of("decision", "APPROVE")).statusCode())
                .as("the city cannot take the province's step").isEqualTo(403);
        var approved = step("bureau-admin", "76", path + "/review", "\"3\"", Map.of("decision", "APPROVE"));
        assertThat(approved.<String>path("status")).isEqualTo("APPROVED");
        assertThat(approved.<List<?>>path("reviews")).hasSize(2);

        List<ConsumerRecord<String, byte[]>> locks = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TopicReader.read("reporting.period.v1", r -> "760101:MONTH:2024-09-01".equals(r.key()),
                        Duration.ofSeconds(1)), r -> !r.isEmpty());
        JsonNode lock = Fixtures.JSON.readTree(locks.get(0).value());
        assertThat(lock.get("locked").asBoolean()).isTrue();
        assertThat(lock.get("periodEnd").asText()).isEqualTo("2024-09-30");
        assertThat(lock.get("reportId").asText()).isEqualTo(id);
        assertThat(lock.get("version").asLong()).isEqualTo(1);

        var reopened = step("bureau-admin", "76", path + "/reopen", "\"4\"", Map.of("comment", "数据有误，重新核对"));
        assertThat(reopened.<String>path("status")).isEqualTo("RETURNED");
        List<ConsumerRecord<String, byte[]>> both = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TopicReader.read("reporting.period.v1", r -> "760101:MONTH:2024-09-01".equals(r.key()),
                        Duration.ofSeconds(1)), r -> r.size() >= 2);
        JsonNode unlocked = Fixtures.JSON.readTree(both.get(1).value());
        assertThat(unlocked.get("locked").asBoolean()).isFalse();
        assertThat(unlocked.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aReturnedReportIsRevisedAndTimelinessShowsEveryCounty() {
        regions(dataSource, "78");
        // Submitted now, the report of the business month is always within its grace days.
        String month = clock.thisMonth().toString();
        String id = create("780102", "MONTH", month, "初稿").path("id");
        String path = "/api/v1/reports/" + id;
        step("bureau-admin", "780102", path + "/submit", "\"1\"", null);
        var noComment = step("bureau-admin", "7801", path + "/review", "\"2\"", Map.of("decision", "RETURN"));
        assertThat(noComment.statusCode()).isEqualTo(400);
        var returned = step("bureau-admin", "7801", path + "/review", "\"2\"",
                Map.of("decision", "RETURN", "comment", "请补充个案情况"));
        assertThat(returned.<String>path("status")).isEqualTo("RETURNED");
        as("bureau-admin", "780102").contentType("application/json").header("If-Match", "\"2\"")
                .body(Map.of("narrative", "修订稿")).patch(path).then().statusCode(412);
        as("bureau-admin", "780102").contentType("application/json").header("If-Match", "\"3\"")
                .body(Map.of("narrative", "修订稿")).patch(path).then().statusCode(200).body("narrative", equalTo("修订稿"));
        assertThat(step("bureau-admin", "780102", path + "/submit", "\"4\"", null).<String>path("status"))
                .isEqualTo("SUBMITTED");

        String late = create("780101", "MONTH", "2024-09", "迟报").path("id");
        step("bureau-admin", "780101", "/api/v1/reports/" + late + "/submit", "\"1\"", null);

        var onTime = as("bureau-viewer", "7801").queryParam("region", "7801").queryParam("periodType", "MONTH")
                .queryParam("period", month).get("/api/v1/reports/timeliness").then().statusCode(200).extract();
        assertThat(onTime.<List<String>>path("counties.code")).containsExactly("780101", "780102", "780103");
        assertThat(onTime.<List<String>>path("counties.filing")).containsExactly("MISSING", "ON_TIME", "MISSING");
        var september = as("bureau-viewer", "7801").queryParam("region", "7801").queryParam("periodType", "MONTH")
                .queryParam("period", "2024-09").get("/api/v1/reports/timeliness").then().statusCode(200).extract();
        assertThat(september.<List<String>>path("counties.filing")).containsExactly("LATE", "MISSING", "MISSING");
        as("bureau-viewer", "780103").get(path).then().statusCode(404);
        // Reports are the bureaus' documents: the dashboard role and agency or field callers see none.
        for (String role : List.of("dashboard", "agency-admin", "field-worker", "evaluator")) {
            as(role, "78").get(path).then().statusCode(404);
            as(role, "78").get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(404);
        }
        as("dashboard", "78").queryParam("region", "78").get("/api/v1/reports").then().statusCode(403);
        as("dashboard", "78").queryParam("region", "78").get("/api/v1/exports/reports.xlsx").then().statusCode(403);
        as("bureau-viewer", "78").queryParam("region", "78").queryParam("limit", 100000)
                .get("/api/v1/exports/reports.csv").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        List<String> both = as("bureau-viewer", "78").queryParam("region", "78").get("/api/v1/reports").then()
                .statusCode(200).body("items.size()", equalTo(2)).body("next", org.hamcrest.Matchers.nullValue())
                .extract().path("items.id");
        var first = as("bureau-viewer", "78").queryParam("region", "78").queryParam("limit", 1).get("/api/v1/reports")
                .then().statusCode(200).body("items.size()", equalTo(1)).extract();
        assertThat(first.<List<String>>path("items.id")).containsExactly(both.get(0));
        String next = first.path("next");
        assertThat(next).contains("cursor=").contains("limit=1").contains("region=78");
        as("bureau-viewer", "78").get(next).then().statusCode(200).body("items.id", contains(both.get(1)))
                .body("next", org.hamcrest.Matchers.nullValue());
        as("bureau-viewer", "780103").get(next).then().statusCode(404);
        as("bureau-viewer", "78").queryParam("region", "78").queryParam("cursor", "bm9wZQ").get("/api/v1/reports").then()
                .statusCode(400);
    }
}
