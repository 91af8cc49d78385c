package org.socialwork.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TestInfrastructure;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.Tokens;
import org.socialwork.platform.testapp.NoteResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class OutboxRelayTest {

    private static final String ADMIN = Tokens.platformAdmin();

    private String create(String text) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"region\":\"4401\"}")
                .when().post("/notes").then().statusCode(201).extract().path("id");
    }

    private static List<ConsumerRecord<String, byte[]>> eventsOf(String id) {
        return TopicReader.read(NoteResource.TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void aCommittedChangeIsPublishedAsABinaryModeCloudEvent() throws Exception {
        String id = create("published");
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(id).size() == 1);
        ConsumerRecord<String, byte[]> record = eventsOf(id).get(0);
        assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.socialwork.note.changed.v1");
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("urn:socialwork:service:platform-test");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(id);
        assertThat(TopicReader.header(record, "ce_id")).hasSize(36);
        assertThat(TopicReader.header(record, "ce_time")).endsWith("Z");
        assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.headers().lastHeader("traceparent")).as("tracing is off unless switched on").isNull();
        JsonNode data = new ObjectMapper().readTree(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(data.get("text").asText()).isEqualTo("published");
        assertThat(data.get("id").asText()).isEqualTo(id);
    }

    @Test
    void aWriteDuringABrokerOutageIsAcceptedAndPublishedOnceWhenTheBrokerIsBack() {
        var broker = TestInfrastructure.kafka();
        String id;
        broker.stop();
        try {
            id = create("during-outage");
        } finally {
            broker.start(Duration.ofSeconds(90));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> !eventsOf(id).isEmpty());
        List<ConsumerRecord<String, byte[]>> events = eventsOf(id);
        assertThat(events).hasSize(1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("socialwork_outbox_pending"))
                .body(containsString("socialwork_outbox_oldest_age_seconds"));
    }
}
