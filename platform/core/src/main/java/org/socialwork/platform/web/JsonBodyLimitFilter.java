package org.socialwork.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.ProblemResponses;
import org.socialwork.platform.problem.ProblemType;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses JSON bodies above {@code socialwork.http.max-json-body} with a 413 problem before they are
 * read. The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) stays higher for
 * file uploads such as the division import.
 */
public class JsonBodyLimitFilter {

    @ConfigProperty(name = "socialwork.http.max-json-body", defaultValue = "4194304")
    long maxJsonBody;

    @Inject
    jakarta.ws.rs.core.HttpHeaders headers;

    @ServerRequestFilter(preMatching = true)
    public Response limit(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        String type = request.getHeader("Content-Type");
        if (length == null || type == null || !type.toLowerCase().startsWith(MediaType.APPLICATION_JSON)) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) <= maxJsonBody) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        var locale = Messages.choose(headers.getAcceptableLanguages());
        return ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE, locale, request.path(), null,
                Messages.get(locale, "problem.payload-too-large.limit", maxJsonBody), null);
    }
}
