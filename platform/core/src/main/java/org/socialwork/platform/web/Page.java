package org.socialwork.platform.web;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a keyset-paginated list: the items, the cursor of the next page and a ready-made
 * link to it (both absent on the last page).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, String nextCursor, String next) {

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only tells that
     * a next page exists.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, T> mapper, Function<E, Cursor> cursorOf,
            UriInfo uri) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        List<T> items = shown.stream().map(mapper).toList();
        if (!more) {
            return new Page<>(items, null, null);
        }
        String cursor = cursorOf.apply(shown.get(shown.size() - 1)).encode();
        String next = uri == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().toString();
        return new Page<>(items, cursor, next);
    }
}
