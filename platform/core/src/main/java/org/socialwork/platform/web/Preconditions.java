package org.socialwork.platform.web;

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

    /**
     * Refuses a change without {@code If-Match} (428) or based on another version (412).
     * Accepts a list of ETags, weak ones and {@code *} as RFC 9110 allows.
     */
    public static void requireIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.of(ProblemType.PRECONDITION_REQUIRED, "problem.precondition-required.detail");
        }
        String current = etag(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw Problems.of(ProblemType.PRECONDITION_FAILED, "problem.precondition-failed.version", current);
    }
}
