package org.socialwork.stations.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialwork.stations.station.StationFixtures.HAINING;
import static org.socialwork.stations.station.StationFixtures.as;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.WebhookReceiver;
import org.socialwork.platform.webhook.WebhookDispatcher;
import org.socialwork.platform.webhook.WebhookSignature;
import org.socialwork.stations.station.StationFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Webhooks end to end: a station change travels through the outbox and the relay to a real HTTP
 * receiver started here, signed, retried through failures, once per event; an agency whose station
 * it is not receives nothing.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String STATION_CHANGED = "org.socialwork.station.changed.v1";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    WebhookDispatcher dispatcher;

    private final List<WebhookReceiver> receivers = new CopyOnWriteArrayList<>();

    private WebhookReceiver receiver(int failures) {
        WebhookReceiver receiver = new WebhookReceiver(failures);
        receivers.add(receiver);
        return receiver;
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aStationChangeReachesItsAgencySignedOnceAfterThreeFailuresAndNoOtherAgency() throws Exception {
        StationFixtures.ensureRegions(dataSource);
        String agency = StationFixtures.createAgency(HAINING);
        String otherAgency = StationFixtures.createAgency(HAINING);
        String agencyToken = StationFixtures.agencyAdminToken(agency);
        String otherToken = StationFixtures.agencyAdminToken(otherAgency);
        WebhookReceiver flaky = receiver(3);
        WebhookReceiver bystander = receiver(0);

        JsonNode subscription = subscribe(agencyToken, flaky.url());
        String secret = subscription.path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        JsonNode otherSubscription = subscribe(otherToken, bystander.url());

        Map<String, Object> body = StationFixtures.stationBody("VILLAGE_ROOM",
                StationFixtures.villageOf(dataSource, StationFixtures.freeTownship(dataSource, HAINING)));
        body.put("operationMode", "PURCHASED_SERVICE");
        body.put("agencyId", agency);
        String station = StationFixtures.createStation(body);
        String eventId = StationFixtures.single(dataSource,
                "select id::text from outbox_event where event_key = ? and event_type = ?", station, STATION_CHANGED);

        String deliveries = "/api/v1/webhooks/" + subscription.path("id").asText() + "/deliveries";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(agencyToken).get(deliveries).then().statusCode(200)
                .body("items.find { it.eventId == '" + eventId + "' }.status", org.hamcrest.Matchers.equalTo("DELIVERED")));

        // Three 500s, then the one acknowledged delivery; every attempt is the same event, signed.
        List<WebhookReceiver.Received> attempts = flaky.of(eventId);
        assertThat(attempts).extracting(WebhookReceiver.Received::answer).containsExactly(500, 500, 500, 204);
        for (WebhookReceiver.Received attempt : attempts) {
            assertThat(WebhookSignature.verify(secret, eventId, Long.parseLong(attempt.timestamp()), attempt.body(),
                    attempt.signature())).as("signature of " + attempt).isTrue();
            assertThat(attempt.contentType()).startsWith("application/cloudevents+json");
        }
        String delivered = attempts.get(3).body();
        JsonNode event = mapper.readTree(delivered);
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo(eventId);
        assertThat(event.path("type").asText()).isEqualTo(STATION_CHANGED);
        assertThat(event.path("subject").asText()).isEqualTo(station);
        assertThat(event.path("source").asText()).isEqualTo("urn:socialwork:service:stations-service");
        assertThat(event.path("data").path("id").asText()).isEqualTo(station);
        assertThat(event.path("data").path("agencyId").asText()).isEqualTo(agency);
        assertThat(delivered).doesNotContain("idNumber", "phone");

        JsonNode delivery = findDelivery(agencyToken, deliveries, eventId);
        assertThat(delivery).isNotNull();
        assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.path("lastStatus").asInt()).isEqualTo(204);
        // The bystander agency's subscription was handed nothing: the hand-over of both happened in one transaction.
        as(otherToken).get("/api/v1/webhooks/" + otherSubscription.path("id").asText() + "/deliveries").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
        assertThat(bystander.received()).isEmpty();

        // A redelivery asked for sends the same event again, under the same webhook-id.
        as(agencyToken).post(deliveries + "/" + delivery.path("id").asText() + "/redelivery").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> flaky.of(eventId).size() == 5);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                findDelivery(agencyToken, deliveries, eventId).path("status").asText()).isEqualTo("DELIVERED"));
        assertThat(findDelivery(agencyToken, deliveries, eventId).path("attempts").asInt()).isEqualTo(5);

        // Settled deliveries are kept for the retention (30 days), then deleted; pending ones never are.
        assertThat(dispatcher.purgeSettled()).isZero();
        backdate("update webhook_delivery set created_at = created_at - interval '31 days' where event_id = ?::uuid", eventId);
        assertThat(dispatcher.purgeSettled()).isEqualTo(1);
        assertThat(findDelivery(agencyToken, deliveries, eventId)).isNull();
    }

    private void backdate(String sql, String eventId) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, eventId);
            assertThat(q.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aRotatedSecretSignsTheNextDeliveriesAndTheOldOneNoLonger() throws Exception {
        StationFixtures.ensureRegions(dataSource);
        String agency = StationFixtures.createAgency(HAINING);
        String token = StationFixtures.agencyAdminToken(agency);
        WebhookReceiver receiver = receiver(0);
        JsonNode subscription = subscribe(token, receiver.url());
        String path = "/api/v1/webhooks/" + subscription.path("id").asText();
        String etag = as(token).get(path).then().statusCode(200).body("secret", org.hamcrest.Matchers.nullValue())
                .extract().header("ETag");
        String rotated = as(token).header("If-Match", etag).post(path + "/secret-rotation").then().statusCode(200)
                .extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(subscription.path("secret").asText());

        Map<String, Object> body = StationFixtures.stationBody("VILLAGE_ROOM",
                StationFixtures.villageOf(dataSource, StationFixtures.freeTownship(dataSource, HAINING)));
        body.put("operationMode", "PURCHASED_SERVICE");
        body.put("agencyId", agency);
        String station = StationFixtures.createStation(body);
        String eventId = StationFixtures.single(dataSource,
                "select id::text from outbox_event where event_key = ? and event_type = ?", station, STATION_CHANGED);
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.of(eventId).isEmpty());
        WebhookReceiver.Received first = receiver.of(eventId).get(0);
        long timestamp = Long.parseLong(first.timestamp());
        assertThat(WebhookSignature.verify(rotated, eventId, timestamp, first.body(), first.signature())).isTrue();
        assertThat(WebhookSignature.verify(subscription.path("secret").asText(), eventId, timestamp, first.body(),
                first.signature())).isFalse();
    }

    @Test
    void aDeliveryRefusedPastTheRetryWindowIsFailedItsSubscriptionFailingUntilARedeliverySucceeds() throws Exception {
        StationFixtures.ensureRegions(dataSource);
        String agency = StationFixtures.createAgency(HAINING);
        String token = StationFixtures.agencyAdminToken(agency);
        WebhookReceiver down = receiver(Integer.MAX_VALUE);
        JsonNode subscription = subscribe(token, down.url());
        String path = "/api/v1/webhooks/" + subscription.path("id").asText();

        Map<String, Object> body = StationFixtures.stationBody("VILLAGE_ROOM",
                StationFixtures.villageOf(dataSource, StationFixtures.freeTownship(dataSource, HAINING)));
        body.put("operationMode", "PURCHASED_SERVICE");
        body.put("agencyId", agency);
        String station = StationFixtures.createStation(body);
        String eventId = StationFixtures.single(dataSource,
                "select id::text from outbox_event where event_key = ? and event_type = ?", station, STATION_CHANGED);
        await().atMost(Duration.ofSeconds(30)).until(() -> down.of(eventId).size() >= 2);

        // The first hand-over lies a day and an hour back: the next refusal ends the retry window.
        backdate("update webhook_delivery set window_start = window_start - interval '25 hours' where event_id = ?::uuid",
                eventId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                findDelivery(token, path + "/deliveries", eventId).path("status").asText()).isEqualTo("FAILED"));
        int refusals = down.of(eventId).size();
        as(token).get(path).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("FAILING"))
                .body("failingSince", org.hamcrest.Matchers.notNullValue());
        as(token).get(path + "/deliveries?status=FAILED").then().statusCode(200)
                .body("items.eventId", org.hamcrest.Matchers.hasItem(eventId));
        assertThat(down.of(eventId)).hasSize(refusals);

        // The receiver is back: a redelivery succeeds and the subscription is ACTIVE again.
        down.recover();
        String delivery = findDelivery(token, path + "/deliveries", eventId).path("id").asText();
        as(token).post(path + "/deliveries/" + delivery + "/redelivery").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                findDelivery(token, path + "/deliveries", eventId).path("status").asText()).isEqualTo("DELIVERED"));
        as(token).get(path).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACTIVE"))
                .body("failingSince", org.hamcrest.Matchers.nullValue());
        assertThat(down.of(eventId)).hasSize(refusals + 1);
    }

    private JsonNode subscribe(String token, String url) throws IOException {
        String answer = as(token).body(Map.of("url", url, "eventTypes", List.of(STATION_CHANGED), "description", "测试接收端"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().asString();
        return mapper.readTree(answer);
    }

    private JsonNode findDelivery(String token, String deliveries, String eventId) throws IOException {
        for (JsonNode item : mapper.readTree(as(token).get(deliveries).then().statusCode(200).extract().asString()).path("items")) {
            if (item.path("eventId").asText().equals(eventId)) {
                return item;
            }
        }
        return null;
    }
}
