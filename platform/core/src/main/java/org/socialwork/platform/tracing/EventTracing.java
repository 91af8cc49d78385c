package org.socialwork.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Carries a trace across the outbox: the request's context is kept on the outbox row, the relay's
 * publish span continues it and writes W3C {@code traceparent} into the Kafka headers, and the
 * consumer's span continues from those headers. The Kafka clients here are plain ones (the relay and
 * {@code EventConsumers} need their own commit rules), so no library instrumentation sees them.
 * With the SDK disabled (the default outside production) every call is a no-op.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    Tracer tracer;

    /** The current context as a W3C traceparent, or null outside a sampled trace (nothing to continue). */
    public String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts the producer span of one event, as a child of the context its outbox row kept, and writes
     * that span's context into the record's headers. The caller ends the span once the broker answered.
     */
    public Span startPublish(String traceparent, String topic, String eventId, Headers headers) {
        Context parent = traceparent == null ? Context.root()
                : extract(Map.of(TRACEPARENT, traceparent));
        Span span = tracer.spanBuilder(topic + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "publish").setAttribute(MESSAGE_ID, eventId).startSpan();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.root().with(span), headers,
                (carrier, key, value) -> {
                    carrier.remove(key);
                    carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
                });
        return span;
    }

    /** Runs {@code handling} inside a consumer span that continues the trace found in the record's headers. */
    public void consume(Headers headers, String topic, String group, String eventId, Runnable handling) {
        Map<String, String> carrier = new HashMap<>();
        for (String key : new String[] {TRACEPARENT, TRACESTATE}) {
            Header header = headers.lastHeader(key);
            if (header != null) {
                carrier.put(key, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        Span span = tracer.spanBuilder(topic + " process").setParent(extract(carrier))
                .setSpanKind(SpanKind.CONSUMER).setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "process").setAttribute(CONSUMER_GROUP, group).setAttribute(MESSAGE_ID, eventId)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            handling.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private Context extract(Map<String, String> carrier) {
        return openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), carrier, MAP_GETTER);
    }

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
