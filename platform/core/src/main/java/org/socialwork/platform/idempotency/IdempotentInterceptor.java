package org.socialwork.platform.idempotency;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.socialwork.platform.security.CallerScope;

/** Runs an {@link Idempotent} resource method through {@link Idempotency}. */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class IdempotentInterceptor {

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @AroundInvoke
    Object around(InvocationContext invocation) {
        Method method = invocation.getMethod();
        Object[] arguments = invocation.getParameters();
        Annotation[][] annotations = method.getParameterAnnotations();
        String key = null;
        Object body = null;
        Map<String, String> pathParameters = new HashMap<>();
        Map<String, String> queryParameters = new TreeMap<>();
        for (int i = 0; i < arguments.length; i++) {
            boolean bound = false;
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof HeaderParam header && header.value().equalsIgnoreCase(Idempotency.HEADER)) {
                    key = (String) arguments[i];
                } else if (annotation instanceof PathParam path) {
                    pathParameters.put(path.value(), String.valueOf(arguments[i]));
                } else if (annotation instanceof QueryParam query && arguments[i] != null) {
                    queryParameters.put(query.value(), String.valueOf(arguments[i]));
                }
                bound |= isRequestBinding(annotation);
            }
            if (!bound) {
                body = arguments[i];
            }
        }
        Response response = idempotency.execute(key, caller.subject(), operation(method, pathParameters, queryParameters),
                body, () -> proceed(invocation));
        return RestResponse.class.isAssignableFrom(method.getReturnType()) ? restResponse(response) : response;
    }

    /** The first or the replayed response as the {@code RestResponse<T>} a typed resource method declares. */
    private static RestResponse<Object> restResponse(Response response) {
        RestResponse.ResponseBuilder<Object> builder = RestResponse.ResponseBuilder.create(response.getStatus());
        response.getHeaders().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        if (response.getEntity() != null) {
            builder.entity(response.getEntity());
        }
        return builder.build();
    }

    /**
     * {@code POST /api/v1/workers/<id>/certificates}: the concrete path (and the query, by name), so that
     * one key sent to two workers is a reused key (422), not two requests.
     */
    static String operation(Method method, Map<String, String> pathParameters, Map<String, String> queryParameters) {
        String template = join(path(method.getDeclaringClass().getAnnotation(Path.class)), path(method.getAnnotation(Path.class)));
        StringBuilder route = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '{') {
                route.append(c);
                continue;
            }
            // {name} or {name: regex}, where the regex may hold braces of its own ({36})
            int depth = 1;
            int end = i + 1;
            while (depth > 0) {
                char d = template.charAt(end++);
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
            }
            String name = template.substring(i + 1, end - 1).split(":", 2)[0].strip();
            route.append(pathParameters.getOrDefault(name, ""));
            i = end - 1;
        }
        StringBuilder query = new StringBuilder();
        new TreeMap<>(queryParameters).forEach((name, value) -> query.append(query.isEmpty() ? '?' : '&')
                .append(name).append('=').append(value));
        return httpMethod(method) + " " + route + query;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        throw new IllegalStateException(method + " is @Idempotent but has no HTTP method annotation");
    }

    private static String path(Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static boolean isRequestBinding(Annotation annotation) {
        return annotation instanceof HeaderParam || annotation instanceof PathParam || annotation instanceof QueryParam
                || annotation instanceof CookieParam || annotation instanceof MatrixParam || annotation instanceof FormParam
                || annotation instanceof BeanParam || annotation instanceof Context
                || annotation.annotationType().getPackageName().equals("org.jboss.resteasy.reactive");
    }

    private static Response proceed(InvocationContext invocation) {
        Object result;
        try {
            result = invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (result instanceof Response response) {
            return response;
        }
        if (result instanceof RestResponse<?> rest) {
            return rest.toResponse();
        }
        throw new IllegalStateException(invocation.getMethod() + " is @Idempotent and must return a Response or RestResponse");
    }
}
