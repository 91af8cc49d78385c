package org.socialwork.projects.common;

import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.Problem;

/** Turns {@link PeriodLockedException} into its RFC 9457 problem (the platform's ProblemType has no such slug). */
public class PeriodLockedMapper {

    @ServerExceptionMapper
    public Response periodLocked(PeriodLockedException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        return Response.status(409).type(Problem.MEDIA_TYPE).header("Content-Language", locale.toLanguageTag())
                .entity(problem(e, locale, uri == null ? null : uri.getPath())).build();
    }

    public static Problem problem(PeriodLockedException e, Locale locale, String instance) {
        return new Problem(PeriodLockedException.TYPE, Messages.get(locale, "problem.period-locked.title"), 409,
                Messages.get(locale, "record.period-locked", e.regionCode(), e.periodStart(), e.periodEnd()), instance,
                "record.period-locked", null);
    }
}
