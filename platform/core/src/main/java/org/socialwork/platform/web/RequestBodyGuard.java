package org.socialwork.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.Problem;
import org.socialwork.platform.problem.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Looks at a request's body before anything reads it, in front of the HTTP layer's own upload
 * limit (whose refusal has no body):
 * <ul>
 * <li>a JSON body above {@code socialwork.http.max-json-body}, or any body above
 * {@code quarkus.http.limits.max-body-size}, is refused with a 413 problem, so a client sending
 * 70 MB learns why without the server reading it;</li>
 * <li>a chunked JSON body, whose size no header tells, is read here with the JSON limit and refused
 * with the same 413 problem as soon as it grows past it;</li>
 * <li>a body without Content-Type is refused with a 415 problem instead of being guessed to be
 * JSON and stored.</li>
 * </ul>
 */
@Singleton
public class RequestBodyGuard {

    /** Just in front of Quarkus's upload-limit route, which answers an empty 413. */
    static final int ORDER = io.quarkus.vertx.http.runtime.RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private static final List<HttpMethod> WITH_BODY = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /** Marks a request whose body {@link #chunkedJson} reads, so that its 413 names the JSON limit. */
    private static final String CHUNKED_JSON = RequestBodyGuard.class.getName() + ".chunkedJson";

    @ConfigProperty(name = "socialwork.http.max-json-body", defaultValue = "4194304")
    long maxJsonBody;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBody;

    private final ObjectMapper json;

    private BodyHandler chunkedJson;

    RequestBodyGuard(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        chunkedJson = BodyHandler.create(false).setBodyLimit(maxJsonBody);
        router.route().order(ORDER).handler(this::guard);
        router.route().order(ORDER).failureHandler(this::bodyTooLarge);
    }

    private void guard(RoutingContext context) {
        var request = context.request();
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        long length = contentLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader(HttpHeaders.TRANSFER_ENCODING));
        boolean isJson = type != null && type.toLowerCase(Locale.ROOT).matches("application/([a-z0-9.+-]*\\+)?json.*");
        for (var parameter : request.params()) {
            if (parameter.getValue().indexOf('\u0000') >= 0) {
                // PostgreSQL cannot store or compare NUL; without this the query fails as a 500
                refuse(context, ProblemType.VALIDATION, "query.invalid", parameter.getKey(), "\\u0000",
                        List.of(new Problem.FieldError(parameter.getKey(), null)));
                return;
            }
        }
        if (length > maxBody.asLongValue()) {
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "problem.payload-too-large.limit", maxBody.asLongValue());
            return;
        }
        if (isJson && length > maxJsonBody) {
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "problem.payload-too-large.limit", maxJsonBody);
            return;
        }
        if (type == null && WITH_BODY.contains(request.method()) && (length > 0 || chunked)) {
            refuse(context, ProblemType.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-media-type.missing", "", null, null);
            return;
        }
        if (isJson && chunked && length < 0) {
            context.put(CHUNKED_JSON, Boolean.TRUE);
            chunkedJson.handle(context);
            return;
        }
        context.next();
    }

    private void bodyTooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            long limit = Boolean.TRUE.equals(context.get(CHUNKED_JSON)) ? maxJsonBody : maxBody.asLongValue();
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "problem.payload-too-large.limit", limit);
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, ProblemType type, String detailKey, Object... args) {
        refuse(context, type, detailKey, args[0] == null ? "" : args[0], args.length > 1 ? args[1] : null, null);
    }

    private void refuse(RoutingContext context, ProblemType type, String detailKey, Object first, Object second,
            List<Problem.FieldError> fields) {
        Locale locale = Messages.choose(acceptable(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        String detail = Messages.get(locale, detailKey, first, second);
        List<Problem.FieldError> errors = fields == null ? null
                : fields.stream().map(f -> new Problem.FieldError(f.field(), detail)).toList();
        Problem problem = new Problem(type.uri(), Messages.get(locale, type.titleKey()), type.status(),
                detail, context.request().path(), null, errors);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.toLanguageTag());
        if (type == ProblemType.PAYLOAD_TOO_LARGE) {
            // the unread body would otherwise be parsed as the next request on this connection
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body);
    }

    private static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<Locale> acceptable(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream().map(r -> Locale.forLanguageTag(r.getRange())).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
