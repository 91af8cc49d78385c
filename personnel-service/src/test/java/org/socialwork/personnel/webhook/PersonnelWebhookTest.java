package org.socialwork.personnel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.socialwork.personnel.PersonnelFixtures.HAINING;
import static org.socialwork.personnel.PersonnelFixtures.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.WebhookReceiver;
import org.socialwork.personnel.PersonnelFixtures;
import org.socialwork.platform.webhook.WebhookSignature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A worker's changes reach the webhook of the agency that employs the worker, without the worker's
 * name, ID number or phone, and no other agency's.
 */
@QuarkusTest
class PersonnelWebhookTest {

    private static final String WORKER_CHANGED = "org.socialwork.worker.changed.v1";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void aWorkersChangeReachesOnlyTheEmployingAgencyAndCarriesNoPersonalData() throws Exception {
        UUID employer = PersonnelFixtures.agency(dataSource, HAINING, "ACTIVE", 1);
        UUID otherAgency = PersonnelFixtures.agency(dataSource, HAINING, "ACTIVE", 1);
        try (WebhookReceiver receiver = new WebhookReceiver(1); WebhookReceiver bystander = new WebhookReceiver(0)) {
            JsonNode subscription = subscribe(employer, receiver.url());
            String other = subscribe(otherAgency, bystander.url()).path("id").asText();

            String idNumber = PersonnelFixtures.idNumber();
            String phone = PersonnelFixtures.mobile();
            String worker = as(PersonnelFixtures.adminToken())
                    .body(PersonnelFixtures.workerBody(employer, "STATION_FULL_TIME", idNumber, phone))
                    .post("/api/v1/workers").then().statusCode(201).extract().path("id");
            String eventId = PersonnelFixtures.single(dataSource,
                    "select id::text from outbox_event where event_key = ? and event_type = ?", worker, WORKER_CHANGED)
                    .toString();

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.of(eventId).size() == 2);
            List<WebhookReceiver.Received> attempts = receiver.of(eventId);
            assertThat(attempts).extracting(WebhookReceiver.Received::answer).containsExactly(500, 204);
            WebhookReceiver.Received delivered = attempts.get(1);
            assertThat(WebhookSignature.verify(subscription.path("secret").asText(), eventId,
                    Long.parseLong(delivered.timestamp()), delivered.body(), delivered.signature())).isTrue();
            JsonNode event = mapper.readTree(delivered.body());
            assertThat(event.path("type").asText()).isEqualTo(WORKER_CHANGED);
            assertThat(event.path("data").path("id").asText()).isEqualTo(worker);
            assertThat(event.path("data").path("employerAgencyId").asText()).isEqualTo(employer.toString());
            assertThat(delivered.body()).doesNotContain(idNumber, phone, "张测试", "idNumber", "\"phone\"");

            String token = PersonnelFixtures.agencyToken(employer.toString());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(token)
                    .get("/api/v1/webhooks/" + subscription.path("id").asText() + "/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(2)));
            as(PersonnelFixtures.agencyToken(otherAgency.toString())).get("/api/v1/webhooks/" + other + "/deliveries")
                    .then().statusCode(200).body("items", empty());
            assertThat(bystander.received()).isEmpty();
        }
    }

    private JsonNode subscribe(UUID agency, String url) throws Exception {
        String answer = as(PersonnelFixtures.agencyToken(agency.toString()))
                .body(Map.of("url", url, "eventTypes", List.of(WORKER_CHANGED))).post("/api/v1/webhooks")
                .then().statusCode(201).extract().asString();
        return mapper.readTree(answer);
    }
}
