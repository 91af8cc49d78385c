package org.socialwork.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;

/**
 * An opaque keyset-pagination cursor: the sort-key values of the last item of a page. Clients
 * pass it back untouched; its encoding is not part of the API and may change.
 */
public record Cursor(List<String> keys) {

    private static final char SEPARATOR = '\u001f';
    private static final String VERSION = "c1";

    public static Cursor of(String... keys) {
        return new Cursor(List.of(keys));
    }

    public String encode() {
        String raw = VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor with exactly {@code arity} keys; a tampered or foreign cursor is a 400. */
    public static Cursor decode(String token, int arity) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(raw.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != arity + 1 || !VERSION.equals(parts.get(0))) {
                throw Problems.of(ProblemType.INVALID_CURSOR, "problem.invalid-cursor.detail");
            }
            return new Cursor(parts.subList(1, parts.size()));
        } catch (IllegalArgumentException e) {
            throw Problems.of(ProblemType.INVALID_CURSOR, "problem.invalid-cursor.detail");
        }
    }

    public String key(int index) {
        return keys.get(index);
    }

    /** The key at {@code index} as a UUID; a cursor that does not hold one there was forged or damaged. */
    public UUID uuid(int index) {
        try {
            return UUID.fromString(keys.get(index));
        } catch (RuntimeException e) {
            throw Problems.of(ProblemType.INVALID_CURSOR, "problem.invalid-cursor.detail");
        }
    }
}
