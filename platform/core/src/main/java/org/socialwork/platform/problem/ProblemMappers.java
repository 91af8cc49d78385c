package org.socialwork.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error of every service becomes an RFC 9457 problem here and nowhere else. No response
 * names a Java class; unexpected failures are logged with an incident id that the response
 * repeats, so support can find the log line.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.of(e, Messages.choose(headers.getAcceptableLanguages()), path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ResteasyReactiveViolationException e, HttpHeaders headers, UriInfo uri) {
        return violationsProblem(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        return violationsProblem(e, headers, uri);
    }

    private Response violationsProblem(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"));
        if (returnValue) {
            return internal(e, locale, uri);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = fieldPath(violation.getPropertyPath());
            errors.add(new Problem.FieldError(field, message(violation, field, locale)));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return ProblemResponses.of(ProblemType.VALIDATION, locale, path(uri), null, null, errors);
    }

    /** A pattern's own message quotes its regular expression, which tells a caller nothing: name the field instead. */
    private static String message(ConstraintViolation<?> violation, String field, Locale locale) {
        if (violation.getConstraintDescriptor() != null
                && violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.Pattern) {
            return Messages.get(locale, "problem.validation.format", field, String.valueOf(violation.getInvalidValue()));
        }
        return violation.getMessage();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        String field = jsonPath(e);
        String detail = Messages.get(locale, "problem.unknown-field.field", field);
        return ProblemResponses.of(ProblemType.UNKNOWN_FIELD, locale, path(uri), null, detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        String field = jsonPath(e);
        String detail = Messages.get(locale, "problem.validation.format", field, String.valueOf(e.getValue()));
        return ProblemResponses.of(ProblemType.VALIDATION, locale, path(uri), null, detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /**
     * A value of the wrong JSON shape: an array where an object is due, an object given to a
     * scalar field, a number for a boolean. The field is named; a wrong top-level shape has none.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownField(u, headers, uri);
        }
        if (e instanceof InvalidFormatException f) {
            return invalidFormat(f, headers, uri);
        }
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, locale, path(uri), null,
                    Messages.get(locale, "problem.malformed-request.shape"), null);
        }
        String detail = Messages.get(locale, "problem.malformed-request.field", field);
        return ProblemResponses.of(ProblemType.VALIDATION, locale, path(uri), null, detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /** A number that does not fit the field's type (an integer beyond its range). */
    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        String field = fieldAt(e.getProcessor());
        String detail = Messages.get(locale, "problem.validation.range", field);
        return ProblemResponses.of(ProblemType.VALIDATION, locale, path(uri), null, detail,
                field.isEmpty() ? null : List.of(new Problem.FieldError(field, detail)));
    }

    /** A body nested deeper, or with longer numbers or names, than any request of the API. */
    @ServerExceptionMapper
    public Response tooComplex(StreamConstraintsException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, locale, path(uri), null,
                Messages.get(locale, "problem.malformed-request.too-complex"), null);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        if (field.isEmpty()) {
            return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, locale, path(uri), null,
                    Messages.get(locale, "problem.malformed-request.detail"), null);
        }
        // the body parsed up to a field whose value cannot be held (a number out of its type's range)
        String detail = Messages.get(locale, "problem.malformed-request.field", field);
        return ProblemResponses.of(ProblemType.VALIDATION, locale, path(uri), null, detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return withChallenge(ProblemResponses.of(ProblemType.UNAUTHORIZED, Messages.choose(headers.getAcceptableLanguages()), path(uri)));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return withChallenge(ProblemResponses.of(ProblemType.UNAUTHORIZED, Messages.choose(headers.getAcceptableLanguages()), path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, Messages.choose(headers.getAcceptableLanguages()), path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, locale, uri);
        }
        Throwable cause = e.getCause();
        if (cause instanceof ProblemException problem) {
            return ProblemResponses.of(problem, locale, path(uri));
        }
        if (cause instanceof MismatchedInputException m) {
            return mismatched(m, headers, uri);
        }
        if (cause instanceof InputCoercionException c) {
            return numberOutOfRange(c, headers, uri);
        }
        if (cause instanceof StreamConstraintsException c) {
            return tooComplex(c, headers, uri);
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return unknownField(u, headers, uri);
        }
        if (cause instanceof InvalidFormatException f) {
            return invalidFormat(f, headers, uri);
        }
        if (cause instanceof JsonProcessingException j) {
            return malformed(j, headers, uri);
        }
        Response response = ProblemResponses.of(ProblemType.forStatus(status), locale, path(uri));
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        // Two writers that read the same version race to commit; the database keeps one and the
        // loser surfaces as a persistence exception, often wrapped by the transaction interceptor.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return ProblemResponses.of(problem, locale, path(uri));
            }
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return ProblemResponses.of(ProblemType.PRECONDITION_FAILED, locale, path(uri));
            }
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return ProblemResponses.of(ProblemType.CONFLICT, locale, path(uri));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return internal(e, locale, uri);
    }

    private Response internal(Exception e, Locale locale, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s at %s", incident, path(uri));
        String detail = Messages.get(locale, "problem.internal.incident", incident);
        return ProblemResponses.of(ProblemType.INTERNAL, locale, path(uri), null, detail, null);
    }

    private static Response withChallenge(Response response) {
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** The request field of a violation: the property path below the method and its parameter. */
    static String fieldPath(Path path) {
        Path.Node last = null;
        for (Path.Node node : path) {
            last = node;
        }
        if (last != null && last.getKind() == ElementKind.PARAMETER) {
            // A constrained query, path or header parameter is named by itself, not by its method.
            return last.getName();
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                if (node.getKind() == ElementKind.PARAMETER && field.length() == 0 && !path.toString().contains(".")) {
                    field.append(node.getName());
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
        }
        return field.toString();
    }

    /** The name of the field the parser stood on, with its enclosing fields. */
    private static String fieldAt(Object processor) {
        if (!(processor instanceof com.fasterxml.jackson.core.JsonParser parser)) {
            return "";
        }
        java.util.Deque<String> names = new java.util.ArrayDeque<>();
        for (var context = parser.getParsingContext(); context != null; context = context.getParent()) {
            if (context.getCurrentName() != null) {
                names.addFirst(context.getCurrentName());
            }
        }
        return String.join(".", names);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
