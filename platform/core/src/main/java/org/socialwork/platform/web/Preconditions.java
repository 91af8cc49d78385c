package org.socialwork.platform.web;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;

/**
 * Optimistic locking over HTTP: the ETag of a resource is its version, and every change must
 * name the version it was based on in {@code If-Match}.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the representation of a resource and the ETag of its version. */
    public static Response ok(Object entity, long version) {
        return Response.ok(entity).header(HttpHeaders.ETAG, etag(version)).build();
    }

    /** 201 for a created resource: its location, its representation and the ETag of its version. */
    public static Response created(URI location, Object entity, long version) {
        return Response.created(location).header(HttpHeaders.ETAG, etag(version)).entity(entity).build();
    }

    /**
     * Refuses a change without {@code If-Match} (428) or based on another version (412).
     * Accepts a list of ETags and {@code *}. The comparison is the strong one RFC 9110 requires for
     * If-Match: a weak tag ({@code W/"3"}) only says "equivalent", never "this very version", so it
     * matches nothing.
     */
    public static void requireIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.of(ProblemType.PRECONDITION_REQUIRED, "problem.precondition-required.detail");
        }
        String current = etag(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw Problems.of(ProblemType.PRECONDITION_FAILED, "problem.precondition-failed.version", current);
    }
}
