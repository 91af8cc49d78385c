package org.socialwork.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A CloudEvents 1.0 event in Kafka binary mode: attributes travel as {@code ce_*} headers, the data
 * is the record value (JSON) and the record key is the subject (the aggregate id), so that all
 * events of one aggregate land in one partition in order.
 */
public record CloudEvent(UUID id, String source, String type, String subject, OffsetDateTime time,
        String dataContentType, byte[] data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        time = time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    public ProducerRecord<String, byte[]> toRecord(String topic) {
        Headers headers = new RecordHeaders();
        put(headers, "ce_specversion", SPEC_VERSION);
        put(headers, "ce_id", id.toString());
        put(headers, "ce_source", source);
        put(headers, "ce_type", type);
        put(headers, "ce_subject", subject);
        put(headers, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        put(headers, "content-type", dataContentType);
        return new ProducerRecord<>(topic, null, subject, data, headers);
    }

    /** Reads a binary-mode event; empty when a required attribute is missing or malformed. */
    public static Optional<CloudEvent> fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        try {
            String spec = get(headers, "ce_specversion");
            String id = get(headers, "ce_id");
            String source = get(headers, "ce_source");
            String type = get(headers, "ce_type");
            String time = get(headers, "ce_time");
            if (!SPEC_VERSION.equals(spec) || id == null || source == null || type == null || time == null) {
                return Optional.empty();
            }
            String contentType = get(headers, "content-type");
            return Optional.of(new CloudEvent(UUID.fromString(id), source, type, get(headers, "ce_subject"),
                    OffsetDateTime.parse(time), contentType == null ? JSON : contentType, record.value()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public String dataAsString() {
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
