package org.socialwork.platform.sql;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Makes the session of every transactional method that runs for a GET or HEAD request read-only,
 * in all services at once: {@code @Transactional} is itself the interceptor binding (its members are
 * non-binding), so no resource or service carries anything of its own.
 *
 * <p>It runs inside the transaction the JTA interceptor opened, on the transaction's session. Work
 * outside a request (consumers, the relay, schedules) and every other method are untouched.
 */
@Interceptor
@Transactional
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class ReadOnlyReads {

    @Inject
    Session session;

    @Inject
    CurrentVertxRequest request;

    @Inject
    ReadOnlyReadsConfig config;

    @AroundInvoke
    Object readOnlyForReads(InvocationContext invocation) throws Exception {
        if (config.enabled() && safeRequest() && !session.isDefaultReadOnly()) {
            session.setDefaultReadOnly(true);
        }
        return invocation.proceed();
    }

    private boolean safeRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext current = request.getCurrent();
        if (current == null) {
            return false;
        }
        HttpMethod method = current.request().method();
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
