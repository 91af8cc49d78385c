package org.socialwork.platform.problem;

import java.util.List;

/** Factory of the refusals services throw; each names a message key and its arguments. */
public final class Problems {

    private Problems() {
    }

    /** 404 for an object that does not exist or lies outside the caller's scope: both look the same. */
    public static ProblemException notFound(String kind, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, "problem.not-found.object", new Object[] {kind, id}, null);
    }

    /** 409: the request collides with the current state (a duplicate, a uniqueness rule). */
    public static ProblemException conflict(String messageKey, Object... args) {
        return new ProblemException(ProblemType.CONFLICT, messageKey, args, null);
    }

    /** 422: a well-formed request that a business rule refuses. */
    public static ProblemException rule(String messageKey, Object... args) {
        return new ProblemException(ProblemType.RULE_VIOLATION, messageKey, args, null);
    }

    /** 400 with one field error. */
    public static ProblemException invalidField(String field, String messageKey, Object... args) {
        return new ProblemException(ProblemType.VALIDATION, messageKey, args,
                List.of(new Problem.FieldError(field, null)));
    }

    public static ProblemException forbidden(String messageKey, Object... args) {
        return new ProblemException(ProblemType.FORBIDDEN, messageKey, args, null);
    }

    public static ProblemException of(ProblemType type, String messageKey, Object... args) {
        return new ProblemException(type, messageKey, args, null);
    }
}
