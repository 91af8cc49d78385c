package org.socialwork.platform.problem;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

/** Builds problem responses; the one place that turns a {@link ProblemType} into HTTP. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, Locale locale, String instance, String code, String detail,
            List<Problem.FieldError> errors) {
        Problem problem = new Problem(type.uri(), Messages.get(locale, type.titleKey()), type.status(),
                detail == null ? Messages.get(locale, type.detailKey()) : detail, instance, code,
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .header("Content-Language", locale.toLanguageTag())
                .entity(problem)
                .build();
    }

    public static Response of(ProblemType type, Locale locale, String instance) {
        return of(type, locale, instance, null, null, null);
    }

    /** The response for a refused request. */
    public static Response of(ProblemException e, Locale locale, String instance) {
        Problem problem = document(e, locale, instance);
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("Content-Language", locale.toLanguageTag())
                .entity(problem)
                .build();
    }

    /**
     * The problem document of a refusal without an HTTP response around it: batch endpoints answer
     * each refused item with one, inside a successful response.
     */
    public static Problem document(ProblemException e, Locale locale, String instance) {
        ProblemType type = e.type();
        String detail = Messages.get(locale, e.messageKey(), e.args());
        List<Problem.FieldError> errors = e.errors().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message() == null ? detail : f.message()))
                .toList();
        String code = e.messageKey().startsWith("problem.") ? null : e.messageKey();
        return new Problem(type.uri(), Messages.get(locale, type.titleKey()), type.status(), detail, instance, code,
                errors.isEmpty() ? null : errors);
    }
}
