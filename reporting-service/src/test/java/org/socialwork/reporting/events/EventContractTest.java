package org.socialwork.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialwork.infra.testing.EventContract.assertCleanupPolicy;
import static org.socialwork.infra.testing.EventContract.assertCloudEvents;
import static org.socialwork.infra.testing.EventContract.assertNoPersonalDataOnTopic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.AsyncApiDocument;
import org.socialwork.infra.testing.EventContract;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.reporting.readmodel.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** The events on the real topics keep the contract that the schemas and the AsyncAPI document publish. */
@QuarkusTest
@Tag("clock")
class EventContractTest {

    private static final String SOURCE = "urn:socialwork:service:reporting-service";

    @Inject
    DataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void theAsyncApiDocumentIsValidAsyncApiAndEveryExampleKeepsItsMessage() {
        AsyncApiDocument document = EventContract.asyncApi();
        assertThat(document.addresses()).containsExactlyInAnyOrder("reporting.period.v1", "reporting.warning.v1");
        assertThat(document.exampleFiles()).as("every message's example, validated against its payload schema")
                .containsExactlyInAnyOrder("examples/period-locked.v1.json", "examples/warning-raised.v1.json");
    }

    @Test
    void everyChannelOfTheAsyncApiDocumentIsATopicOnTheBroker() {
        assertThat(EventContract.assertEveryChannelExists(Duration.ofSeconds(60)))
                .containsExactlyInAnyOrder("reporting.period.v1", "reporting.warning.v1");
    }

    @Test
    void publishedPeriodEventsKeepTheContract() throws Exception {
        try (Fixtures events = new Fixtures()) {
            Fixtures.awaitConsumed(dataSource, List.of(events.region("77", "契约省", "PROVINCE", 1),
                    events.region("7701", "契约市", "CITY", 1), events.region("770101", "契约县", "COUNTY", 1)));
        }
        String id = Fixtures.as("bureau-admin", "770101").contentType("application/json")
                .body(Map.of("regionCode", "770101", "periodType", "QUARTER", "period", "2024-Q3", "narrative",
                        "联系人王女士 13812345678"))
                .post("/api/v1/reports").then().statusCode(201).extract().path("id");
        String path = "/api/v1/reports/" + id;
        Fixtures.as("bureau-admin", "770101").header("If-Match", "\"1\"").post(path + "/submit").then().statusCode(200);
        Fixtures.as("bureau-admin", "7701").contentType("application/json").header("If-Match", "\"2\"")
                .body(Map.of("decision", "APPROVE")).post(path + "/review").then().statusCode(200);
        Fixtures.as("bureau-admin", "77").contentType("application/json").header("If-Match", "\"3\"")
                .body(Map.of("decision", "APPROVE")).post(path + "/review").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> mine = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TopicReader.read("reporting.period.v1", r -> "770101:QUARTER:2024-07-01".equals(r.key()),
                        Duration.ofSeconds(1)), r -> !r.isEmpty());
        assertThat(mine).hasSize(1);
        assertCloudEvents(TopicReader.readAll("reporting.period.v1", Duration.ofSeconds(1)), SOURCE,
                "org.socialwork.period.locked.v1");
        assertNoPersonalDataOnTopic("reporting.period.v1", Duration.ofSeconds(1), "王女士");
        assertCleanupPolicy("reporting.period.v1", "compact");
    }

    @Test
    void publishedWarningEventsKeepTheContract() {
        // County 770102 files no report. Today its last month's report may still be within its grace
        // days (on the 1st to the 5th); as of the last day of last month, the report of the month
        // before is late whatever the day.
        YearMonth lastMonth = clock.thisMonth().minusMonths(1);
        String subject = "770102:MONTH:" + lastMonth.minusMonths(1);
        try (Fixtures events = new Fixtures()) {
            Fixtures.awaitConsumed(dataSource, List.of(events.region("77", "契约省", "PROVINCE", 1),
                    events.region("7701", "契约市", "CITY", 1), events.region("770102", "迟报县", "COUNTY", 1)));
        }
        Fixtures.admin().queryParam("asOf", lastMonth.atEndOfMonth().toString())
                .post("/api/v1/admin/warnings/evaluate").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> TopicReader.read("reporting.warning.v1", r -> subject.equals(Fixtures.map(
                        new String(r.value(), StandardCharsets.UTF_8)).get("subjectId")),
                        Duration.ofSeconds(1)), r -> !r.isEmpty());
        assertCloudEvents(TopicReader.readAll("reporting.warning.v1", Duration.ofSeconds(1)), SOURCE,
                "org.socialwork.warning.raised.v1");
        assertNoPersonalDataOnTopic("reporting.warning.v1", Duration.ofSeconds(1));
        assertCleanupPolicy("reporting.warning.v1", "compact");
    }
}
