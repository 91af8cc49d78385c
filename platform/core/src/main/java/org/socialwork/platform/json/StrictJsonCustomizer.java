package org.socialwork.platform.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Requests are read strictly: an unknown or server-managed field is refused instead of silently
 * dropped (no mass assignment), and a value of the wrong JSON type is refused rather than
 * guessed at: no number for a boolean, enum or string, no string for a number, no fraction
 * truncated into an integer, no number too large to be finite. Times are written as ISO-8601
 * strings, never as numbers.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    /** Deeper than any request of the API; a deeper body is an attack on the parser, not data. */
    static final int MAX_NESTING_DEPTH = 32;

    /** After Quarkus's own customizers, so that these deserializers replace the java.time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());

        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        // a number would be read as days or seconds since 1970
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);

        SimpleModule finite = new SimpleModule("finite-numbers");
        finite.addDeserializer(Double.class, new FiniteDouble(new NumberDeserializers.DoubleDeserializer(Double.class, null)));
        finite.addDeserializer(double.class, new FiniteDouble(new NumberDeserializers.DoubleDeserializer(double.class, 0.0)));
        // ISO dates resolved strictly: 2026-02-30 is refused, not moved to the 28th
        finite.addDeserializer(java.time.LocalDate.class, new TextOnly<>(new com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(java.time.format.ResolverStyle.STRICT))));
        finite.addDeserializer(java.math.BigDecimal.class, new BoundedDecimal());
        finite.addDeserializer(java.time.OffsetDateTime.class,
                new TextOnly<>(com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.OFFSET_DATE_TIME));
        finite.addDeserializer(java.time.Instant.class,
                new TextOnly<>(com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT));
        mapper.registerModule(finite);
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * Hours, amounts and areas of this API have at most 15 integer and 10 fraction digits; a
     * number like 1e400 is refused here, not by the database column it would overflow.
     */
    private static final class BoundedDecimal extends JsonDeserializer<java.math.BigDecimal> {

        private final JsonDeserializer<java.math.BigDecimal> standard = NumberDeserializers.BigDecimalDeserializer.instance;

        @Override
        public java.math.BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            java.math.BigDecimal value = standard.deserialize(parser, context);
            if (value != null && (value.precision() - value.scale() > 15 || value.scale() > 10)) {
                return (java.math.BigDecimal) context.handleWeirdNumberValue(java.math.BigDecimal.class, value,
                        "more digits than a quantity of this API can have");
            }
            return value;
        }
    }

    /** A timestamp is an ISO-8601 string; a bare number would be read as seconds since 1970. */
    private static final class TextOnly<T> extends JsonDeserializer<T> {

        private final JsonDeserializer<T> standard;

        TextOnly(JsonDeserializer<T> standard) {
            this.standard = standard;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            return standard.deserialize(parser, context);
        }

        @Override
        public Class<?> handledType() {
            return standard.handledType();
        }
    }

    /** 1e400 parses as infinity: refused like any other value a field cannot hold. */
    private static final class FiniteDouble extends JsonDeserializer<Double> {

        private final JsonDeserializer<Double> standard;

        FiniteDouble(JsonDeserializer<Double> standard) {
            this.standard = standard;
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Double value = standard.deserialize(parser, context);
            if (value != null && !Double.isFinite(value)) {
                return (Double) context.handleWeirdNumberValue(Double.class, value, "not a finite number");
            }
            return value;
        }

        @Override
        public Double getNullValue(DeserializationContext context) throws com.fasterxml.jackson.databind.JsonMappingException {
            return standard.getNullValue(context);
        }
    }
}
