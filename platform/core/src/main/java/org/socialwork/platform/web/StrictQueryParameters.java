package org.socialwork.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.socialwork.platform.problem.Problems;

/**
 * Typed query and header parameters that cannot be converted are the caller's mistake: JAX-RS
 * answers them with 404 as if the resource were missing, which sends integrators looking for the
 * wrong thing. Here they are refused as a 400 that names the parameter and its value. The
 * conversions are also stricter than the defaults: only {@code true}/{@code false} for a boolean,
 * no NaN or infinity for a number, an enum constant spelt exactly.
 */
@Provider
public class StrictQueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        Function<String, ?> parse = parser(rawType);
        if (parse == null) {
            return null;
        }
        return (ParamConverter<T>) new Strict(name, parse);
    }

    private static Function<String, ?> parser(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return Integer::valueOf;
        }
        if (type == Long.class || type == long.class) {
            return Long::valueOf;
        }
        if (type == Double.class || type == double.class) {
            return raw -> {
                double value = Double.parseDouble(raw);
                if (!Double.isFinite(value) || !raw.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                    throw new IllegalArgumentException("not a finite decimal number");
                }
                return value;
            };
        }
        if (type == Boolean.class || type == boolean.class) {
            return raw -> switch (raw) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean");
            };
        }
        if (type == UUID.class) {
            return raw -> {
                UUID id = UUID.fromString(raw);
                if (raw.length() != 36) {
                    throw new IllegalArgumentException("not a canonical UUID");
                }
                return id;
            };
        }
        if (type == LocalDate.class) {
            return LocalDate::parse;
        }
        if (type == YearMonth.class) {
            return YearMonth::parse;
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime::parse;
        }
        if (type.isEnum()) {
            return raw -> enumConstant(type, raw);
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String raw) {
        return Enum.valueOf((Class) type, raw);
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof RestQuery q) {
                return q.value();
            }
            if (annotation instanceof HeaderParam h) {
                return h.value();
            }
            if (annotation instanceof RestHeader h) {
                return h.value();
            }
        }
        return null;
    }

    private record Strict(String name, Function<String, ?> parse) implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (RuntimeException e) {
                throw new WebApplicationException(Problems.invalidField(name, "query.invalid", name, value), 400);
            }
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
