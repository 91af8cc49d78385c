package org.socialwork.reporting.readmodel;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.socialwork.platform.events.CloudEvent;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a CloudEvent of a consumed topic into this service's inbound record. An unexpected type
 * or a payload without its identity is refused (the consumer dead-letters it).
 */
@ApplicationScoped
public class EventParser {

    @Inject
    ObjectMapper mapper;

    public ParsedEvent parse(String topic, CloudEvent event) {
        return switch (topic) {
            case Topics.REGION -> {
                Inbound.Region r = read(event, "org.socialwork.region.changed.v1", Inbound.Region.class);
                yield snapshot(topic, require(r.code(), "code"), r.version(), r);
            }
            case Topics.STATION -> {
                Inbound.Station s = read(event, "org.socialwork.station.changed.v1", Inbound.Station.class);
                require(s.regionCode(), "regionCode");
                yield snapshot(topic, require(s.id(), "id"), s.version(), s);
            }
            case Topics.AGENCY -> {
                Inbound.Agency a = read(event, "org.socialwork.agency.changed.v1", Inbound.Agency.class);
                yield snapshot(topic, require(a.id(), "id"), a.version(), a);
            }
            case Topics.WORKER -> {
                Inbound.Worker w = read(event, "org.socialwork.worker.changed.v1", Inbound.Worker.class);
                yield snapshot(topic, require(w.id(), "id"), w.version(), w);
            }
            case Topics.ASSIGNMENT -> {
                Inbound.Assignment a = read(event, "org.socialwork.assignment.changed.v1", Inbound.Assignment.class);
                require(a.stationRegionCode(), "stationRegionCode");
                yield snapshot(topic, require(a.id(), "id"), a.version(), a);
            }
            case Topics.TRAINING -> {
                Inbound.Training t = read(event, "org.socialwork.training.changed.v1", Inbound.Training.class);
                require(t.organizerRegionCode(), "organizerRegionCode");
                yield snapshot(topic, require(t.id(), "id"), t.version(), t);
            }
            case Topics.DISPATCH -> {
                Inbound.Dispatch d = read(event, "org.socialwork.dispatch.changed.v1", Inbound.Dispatch.class);
                yield snapshot(topic, require(d.id(), "id"), d.version(), d);
            }
            case Topics.VOLUNTEER -> {
                Inbound.Volunteer v = read(event, "org.socialwork.volunteer.changed.v1", Inbound.Volunteer.class);
                require(v.stationRegionCode(), "stationRegionCode");
                yield snapshot(topic, require(v.id(), "id"), v.version(), v);
            }
            case Topics.PROJECT -> {
                Inbound.Project p = read(event, "org.socialwork.project.changed.v1", Inbound.Project.class);
                require(p.purchaserRegionCode(), "purchaserRegionCode");
                yield snapshot(topic, require(p.id(), "id"), p.version(), p);
            }
            case Topics.CLIENT -> {
                Inbound.Client c = read(event, "org.socialwork.client.changed.v1", Inbound.Client.class);
                yield snapshot(topic, require(c.id(), "id"), c.version(), c);
            }
            case Topics.NEED -> {
                Inbound.Need n = read(event, "org.socialwork.need.changed.v1", Inbound.Need.class);
                yield snapshot(topic, require(n.id(), "id"), n.version(), n);
            }
            case Topics.EVALUATION -> {
                Inbound.Evaluation e = read(event, "org.socialwork.evaluation.changed.v1", Inbound.Evaluation.class);
                require(e.purchaserRegionCode(), "purchaserRegionCode");
                yield snapshot(topic, require(e.id(), "id"), e.version(), e);
            }
            case Topics.SERVICE_RECORD -> {
                if (!event.type().equals("org.socialwork.service-record.recorded.v1")
                        && !event.type().equals("org.socialwork.service-record.corrected.v1")) {
                    throw new IllegalArgumentException("unexpected event type " + event.type() + " on " + topic);
                }
                Inbound.ServiceRecord r = decode(event, Inbound.ServiceRecord.class);
                require(r.id(), "id");
                require(r.occurredAt(), "occurredAt");
                require(r.stationId(), "stationId");
                require(r.stationRegionCode(), "stationRegionCode");
                require(r.type(), "type");
                if (r.revision() < 1) {
                    throw new IllegalArgumentException("revision must be at least 1");
                }
                yield new ParsedEvent(topic, r.id().toString(), r.revision(), false, r);
            }
            default -> throw new IllegalArgumentException("topic " + topic + " is not consumed here");
        };
    }

    private static ParsedEvent snapshot(String topic, Object key, long version, Object payload) {
        return new ParsedEvent(topic, key.toString(), version, true, payload);
    }

    private <T> T read(CloudEvent event, String type, Class<T> payloadType) {
        if (!type.equals(event.type())) {
            throw new IllegalArgumentException("unexpected event type " + event.type() + ", expected " + type);
        }
        return decode(event, payloadType);
    }

    private <T> T decode(CloudEvent event, Class<T> payloadType) {
        if (event.data() == null) {
            throw new IllegalArgumentException("event has no data");
        }
        try {
            return mapper.readValue(event.data(), payloadType);
        } catch (IOException e) {
            throw new IllegalArgumentException("payload is not a valid " + payloadType.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("payload lacks " + field);
        }
        return value;
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("payload lacks " + field);
        }
        return value;
    }
}
