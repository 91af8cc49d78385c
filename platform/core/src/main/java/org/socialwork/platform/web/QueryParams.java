package org.socialwork.platform.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.socialwork.platform.problem.Problems;

/** Parses query parameters into typed values, refusing a malformed one as a 400 naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(name, "query.invalid", name, raw);
        }
    }

    public static UUID uuid(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(name, "query.invalid", name, raw);
        }
    }

    public static OffsetDateTime timestamp(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(name, "query.invalid", name, raw);
        }
    }

    public static Boolean bool(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Problems.invalidField(name, "query.invalid", name, raw);
        };
    }

    /**
     * A division code of any level (province 2, prefecture 4, county 6, township 9, village 12 digits),
     * for OpenAPI {@code pattern}s; "330" names no division, so a filter on it would be a guess.
     */
    public static final String DIVISION_CODE_PATTERN = "^\\d{2}(\\d{2}(\\d{2}(\\d{3}(\\d{3})?)?)?)?$";

    /** A division code used as a subtree filter. */
    public static String regionPrefix(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.strip();
        if (!code.matches(DIVISION_CODE_PATTERN)) {
            throw Problems.invalidField(name, "query.invalid", name, raw);
        }
        return code;
    }
}
