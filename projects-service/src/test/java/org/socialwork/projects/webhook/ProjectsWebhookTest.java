package org.socialwork.projects.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.projects.Fixtures.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.WebhookReceiver;
import org.socialwork.platform.webhook.WebhookSignature;
import org.socialwork.projects.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A phone's service record reaches the webhook of the agency that runs the record's station (found
 * through the station replica), without notes or the client's personal data, and no other agency's.
 */
@QuarkusTest
class ProjectsWebhookTest {

    private static final String RECORDED = "org.socialwork.service-record.recorded.v1";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void aServiceRecordReachesTheAgencyRunningItsStationAndNoOther() throws Exception {
        Fixtures.World world = Fixtures.world(dataSource, 1);
        Fixtures.World otherWorld = Fixtures.world(dataSource, 1);
        try (WebhookReceiver receiver = new WebhookReceiver(2); WebhookReceiver bystander = new WebhookReceiver(0)) {
            JsonNode subscription = subscribe(world.agency(), receiver.url());
            String other = subscribe(otherWorld.agency(), bystander.url()).path("id").asText();

            String client = Fixtures.createClient(world, "网络推送测试对象");
            UUID record = UUID.randomUUID();
            Map<String, Object> visit = Fixtures.visit(record, world, client,
                    Fixtures.earlierToday(Duration.ofMinutes(20)).toString());
            visit.put("notes", "老人腿脚不便，已联系村医上门");
            as(Fixtures.fieldWorker(world.workers().get(0))).body(visit).post("/api/v1/service-records").then()
                    .statusCode(201);
            String eventId = eventOf(record);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.of(eventId).size() == 3);
            List<WebhookReceiver.Received> attempts = receiver.of(eventId);
            assertThat(attempts).extracting(WebhookReceiver.Received::answer).containsExactly(500, 500, 204);
            WebhookReceiver.Received delivered = attempts.get(2);
            assertThat(WebhookSignature.verify(subscription.path("secret").asText(), eventId,
                    Long.parseLong(delivered.timestamp()), delivered.body(), delivered.signature())).isTrue();
            JsonNode event = mapper.readTree(delivered.body());
            assertThat(event.path("type").asText()).isEqualTo(RECORDED);
            assertThat(event.path("data").path("id").asText()).isEqualTo(record.toString());
            assertThat(event.path("data").path("stationId").asText()).isEqualTo(world.station().toString());
            assertThat(delivered.body()).doesNotContain("老人腿脚不便", "网络推送测试对象", "idNumber", "\"phone\"");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(Fixtures.agencyAdmin(world.agency()))
                    .get("/api/v1/webhooks/" + subscription.path("id").asText() + "/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(3)));
            as(Fixtures.agencyAdmin(otherWorld.agency())).get("/api/v1/webhooks/" + other + "/deliveries").then()
                    .statusCode(200).body("items", empty());
            assertThat(bystander.received()).isEmpty();
        }
    }

    private String eventOf(UUID record) throws Exception {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(
                "select id::text from outbox_event where event_key = ? and event_type = ?")) {
            q.setString(1, record.toString());
            q.setString(2, RECORDED);
            try (var rs = q.executeQuery()) {
                assertThat(rs.next()).as("the record's outbox event").isTrue();
                return rs.getString(1);
            }
        }
    }

    private JsonNode subscribe(UUID agency, String url) throws Exception {
        String answer = as(Fixtures.agencyAdmin(agency)).body(Map.of("url", url, "eventTypes", List.of(RECORDED)))
                .post("/api/v1/webhooks").then().statusCode(201).extract().asString();
        return mapper.readTree(answer);
    }
}
