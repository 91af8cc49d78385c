package org.socialwork.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.Tokens;
import org.socialwork.platform.testapp.NoteResource;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** One trace from the HTTP request, through the outbox row and the Kafka headers, to the consumer's span. */
@QuarkusTest
@TestProfile(TracePropagationTest.Traced.class)
class TracePropagationTest {

    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.sampler", "always_on",
                    "quarkus.otel.bsp.schedule.delay", "50ms", "quarkus.otel.bsp.export.timeout", "1s");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theRequestsTraceContinuesThroughTheOutboxAndKafkaIntoTheConsumer() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = given().header("Authorization", Tokens.platformAdmin()).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body("{\"text\":\"traced\",\"region\":\"4401\"}").when().post("/notes").then().statusCode(201)
                .extract().path("id");

        SpanData server = await().atMost(Duration.ofSeconds(20)).until(() -> span(SpanKind.SERVER, "POST /notes", traceId),
                Optional::isPresent).get();
        SpanData publish = await().atMost(Duration.ofSeconds(30))
                .until(() -> span(SpanKind.PRODUCER, NoteResource.TOPIC + " publish", traceId), Optional::isPresent).get();
        SpanData process = await().atMost(Duration.ofSeconds(30))
                .until(() -> span(SpanKind.CONSUMER, NoteResource.TOPIC + " process", traceId), Optional::isPresent).get();

        assertThat(server.getParentSpanId()).as("the caller's traceparent is honoured").isEqualTo("00f067aa0ba902b7");
        assertThat(inTrace(traceId)).as("the publish span hangs below a span of the request")
                .extracting(SpanData::getSpanId).contains(publish.getParentSpanId());
        assertThat(process.getParentSpanId()).as("the consumer continues from the Kafka headers")
                .isEqualTo(publish.getSpanId());
        String eventId = publish.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("messaging.message.id"));
        assertThat(process.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("messaging.message.id")))
                .isEqualTo(eventId);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(NoteResource.TOPIC, r -> id.equals(r.key()),
                Duration.ofSeconds(1));
        assertThat(records).hasSize(1);
        assertThat(TopicReader.header(records.get(0), "traceparent"))
                .isEqualTo("00-" + traceId + "-" + publish.getSpanId() + "-01");
        assertThat(TopicReader.header(records.get(0), "ce_id")).isEqualTo(eventId);
    }

    private List<SpanData> inTrace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private Optional<SpanData> span(SpanKind kind, String name, String traceId) {
        return inTrace(traceId).stream().filter(s -> s.getKind() == kind && s.getName().equals(name)).findFirst();
    }
}
