package org.socialwork.infra.testing.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/** Good and bad values for a schema, as the contract suites send them. */
final class Values {

    /** A value the schema refuses, with why it is refused. */
    record Bad(String value, String why) {
    }

    private Values() {
    }

    /** A value the schema accepts: its example or default, else a plain one of its type. */
    static String valid(JsonNode schema) {
        if (schema.hasNonNull("example")) {
            return schema.get("example").asText();
        }
        if (schema.hasNonNull("default")) {
            return schema.get("default").asText();
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).asText();
        }
        String type = OpenApiOperations.type(schema);
        String format = schema.path("format").asText("");
        if ("integer".equals(type) || "number".equals(type)) {
            return schema.has("minimum") ? schema.get("minimum").asText() : "1";
        }
        if ("boolean".equals(type)) {
            return "true";
        }
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2026-06-15";
            case "date-time" -> "2026-06-15T08:00:00Z";
            default -> "330481";
        };
    }

    /** Query or header values the parameter's schema refuses; empty when the schema says too little. */
    static List<Bad> badParameterValues(JsonNode schema) {
        List<Bad> bad = new ArrayList<>();
        String type = OpenApiOperations.type(schema);
        String format = schema.path("format").asText("");
        if ("integer".equals(type)) {
            bad.add(new Bad("abc", "not a number"));
            bad.add(new Bad("1.5", "a fraction for an integer"));
            bad.add(new Bad("99999999999999999999", "beyond any integer type"));
            if (schema.has("minimum")) {
                bad.add(new Bad(String.valueOf(schema.get("minimum").asLong() - 1), "below the minimum"));
            }
            if (schema.has("maximum")) {
                bad.add(new Bad(String.valueOf(schema.get("maximum").asLong() + 1), "above the maximum"));
            }
        } else if ("number".equals(type)) {
            bad.add(new Bad("abc", "not a number"));
            bad.add(new Bad("NaN", "not a finite number"));
            bad.add(new Bad("Infinity", "not a finite number"));
            if (schema.has("minimum")) {
                bad.add(new Bad(String.valueOf(schema.get("minimum").asDouble() - 1), "below the minimum"));
            }
            if (schema.has("maximum")) {
                bad.add(new Bad(String.valueOf(schema.get("maximum").asDouble() + 1), "above the maximum"));
            }
        } else if ("boolean".equals(type)) {
            bad.add(new Bad("maybe", "not true or false"));
            bad.add(new Bad("1", "not true or false"));
        } else if (schema.has("enum")) {
            bad.add(new Bad("NOPE", "not one of the enum's values"));
        } else if ("uuid".equals(format)) {
            bad.add(new Bad("not-a-uuid", "not a UUID"));
        } else if ("date".equals(format)) {
            bad.add(new Bad("2026-02-30", "not a calendar date"));
            bad.add(new Bad("yesterday", "not a date"));
        } else if ("date-time".equals(format)) {
            bad.add(new Bad("yesterday", "not a timestamp"));
        } else if (schema.has("pattern")) {
            for (String candidate : List.of("!!", "x", "0")) {
                if (!matches(schema.get("pattern").asText(), candidate)) {
                    bad.add(new Bad(candidate, "does not match " + schema.get("pattern").asText()));
                    break;
                }
            }
        }
        if ("string".equals(type) && schema.has("maxLength") && schema.get("maxLength").asInt() < 10_000) {
            bad.add(new Bad("7".repeat(schema.get("maxLength").asInt() + 1), "longer than maxLength"));
        }
        return bad;
    }

    /** JSON values of the wrong type for a property of the schema, each of which must be refused. */
    static List<Bad> wrongJson(JsonNode schema) {
        List<Bad> bad = new ArrayList<>();
        String type = OpenApiOperations.type(schema);
        if (type == null) {
            return bad;
        }
        switch (type) {
            case "string" -> {
                bad.add(new Bad("12", "a number for a string"));
                bad.add(new Bad("{\"a\":1}", "an object for a string"));
                bad.add(new Bad("[\"a\"]", "an array for a string"));
                if (schema.has("enum")) {
                    bad.add(new Bad("\"NOPE\"", "not one of the enum's values"));
                }
                String format = schema.path("format").asText("");
                if ("date".equals(format)) {
                    bad.add(new Bad("\"2026-02-30\"", "not a calendar date"));
                } else if ("date-time".equals(format)) {
                    bad.add(new Bad("\"yesterday\"", "not a timestamp"));
                } else if ("uuid".equals(format)) {
                    bad.add(new Bad("\"not-a-uuid\"", "not a UUID"));
                }
            }
            case "integer" -> {
                bad.add(new Bad("\"7\"", "a string for an integer"));
                bad.add(new Bad("1.5", "a fraction for an integer"));
                bad.add(new Bad("true", "a boolean for an integer"));
                bad.add(new Bad("99999999999999999999", "beyond any integer type"));
                bad.add(new Bad("{}", "an object for an integer"));
            }
            case "number" -> {
                bad.add(new Bad("\"0.5\"", "a string for a number"));
                bad.add(new Bad("1e400", "not a finite number"));
                bad.add(new Bad("[]", "an array for a number"));
            }
            case "boolean" -> {
                bad.add(new Bad("2", "a number for a boolean"));
                bad.add(new Bad("\"true\"", "a string for a boolean"));
            }
            case "array" -> {
                bad.add(new Bad("\"x\"", "a string for an array"));
                bad.add(new Bad("{}", "an object for an array"));
            }
            case "object" -> {
                bad.add(new Bad("\"x\"", "a string for an object"));
                bad.add(new Bad("[]", "an array for an object"));
                bad.add(new Bad("7", "a number for an object"));
            }
            default -> {
            }
        }
        return bad;
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }
}
