package org.socialwork.platform.problem;

/**
 * The kinds of problem every service reports. The {@link #uri()} is part of the public API:
 * clients branch on it, so a slug never changes once published.
 */
public enum ProblemType {
    VALIDATION("validation", 400),
    MALFORMED_REQUEST("malformed-request", 400),
    UNKNOWN_FIELD("unknown-field", 400),
    INVALID_CURSOR("invalid-cursor", 400),
    UNAUTHORIZED("unauthorized", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    CONFLICT("conflict", 409),
    IDEMPOTENCY_IN_PROGRESS("idempotency-in-progress", 409),
    /** A change inside a reporting period that an approved report has locked. */
    PERIOD_LOCKED("period-locked", 409),
    PRECONDITION_FAILED("precondition-failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    RULE_VIOLATION("rule-violation", 422),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    PRECONDITION_REQUIRED("precondition-required", 428),
    INTERNAL("internal", 500),
    UNAVAILABLE("unavailable", 503);

    private static final String URN_PREFIX = "urn:socialwork:problem:";

    private final String slug;
    private final int status;

    ProblemType(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String uri() {
        return URN_PREFIX + slug;
    }

    public int status() {
        return status;
    }

    /** Message-bundle key of this type's title. */
    public String titleKey() {
        return "problem." + slug + ".title";
    }

    /** Message-bundle key of this type's default detail. */
    public String detailKey() {
        return "problem." + slug + ".detail";
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
