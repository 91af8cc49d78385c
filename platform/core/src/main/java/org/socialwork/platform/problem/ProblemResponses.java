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
}
