package org.socialwork.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.Problem;
import org.socialwork.platform.problem.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One bounded admission limit in front of the whole request path: a request that finds every permit
 * taken is answered at once with 503, {@code Retry-After} and an {@code urn:socialwork:problem:unavailable}
 * problem, so that under a burst the admitted requests keep their latency and the excess fails fast
 * rather than timing out in a queue.
 *
 * <p>It is a Vert.x route handler ahead of every other route, not a JAX-RS filter or a SmallRye Fault
 * Tolerance {@code @Bulkhead}: those start after the request has reached a worker thread and been
 * matched to a resource (a bulkhead only around the annotated method), while the cost and the queue
 * of an overload are in everything around it too (token check, JSON, the worker pool's queue). The
 * permit is taken on the event loop before any of that and given back when the response ends, fails
 * or the connection closes. Health and metrics are exempt so that probes and scrapes are answered
 * under any load.
 */
@ApplicationScoped
public class AdmissionLimit {

    private static final Logger LOG = Logger.getLogger(AdmissionLimit.class);

    /** Ahead of Quarkus' own handlers (CORS, body, security, REST), which use orders near zero and up. */
    static final int ORDER = -10_000;

    private static final List<String> EXEMPT = List.of("/q/health", "/q/metrics");

    @Inject
    AdmissionConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size", defaultValue = "20")
    int poolSize;

    private Semaphore permits;
    private int limit;
    private Counter shed;
    private String retryAfter;

    void install(@Observes Router router) {
        limit = config.maxConcurrentRequests().orElse(2 * poolSize);
        if (limit <= 0) {
            LOG.info("HTTP admission limit off (socialwork.http.admission.max-concurrent-requests=0)");
            return;
        }
        permits = new Semaphore(limit);
        retryAfter = Long.toString(Math.max(1, config.retryAfter().toSeconds()));
        shed = Counter.builder("socialwork.http.requests.shed")
                .description("Requests refused with 503 because the admission limit was reached")
                .register(registry);
        Gauge.builder("socialwork.http.requests.admitted", permits, p -> limit - p.availablePermits())
                .description("Requests holding an admission permit now").register(registry);
        router.route().order(ORDER).handler(this::admit);
        LOG.infof("HTTP admission limit: %d concurrent requests", limit);
    }

    private void admit(RoutingContext rc) {
        String path = rc.normalizedPath();
        for (String exempt : EXEMPT) {
            if (path.startsWith(exempt)) {
                rc.next();
                return;
            }
        }
        if (!permits.tryAcquire()) {
            refuse(rc, path);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        rc.addEndHandler(ended -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        });
        rc.next();
    }

    private void refuse(RoutingContext rc, String path) {
        shed.increment();
        Locale locale = Messages.choose(rc.acceptableLanguages().stream()
                .map(language -> Locale.forLanguageTag(language.tag() + (language.subtag() == null ? "" : "-" + language.subtag())))
                .toList());
        ProblemType type = ProblemType.UNAVAILABLE;
        Problem problem = new Problem(type.uri(), Messages.get(locale, type.titleKey()), type.status(),
                Messages.get(locale, "problem.overloaded.detail", retryAfter), path, null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + type.uri() + "\",\"status\":503}";
        }
        rc.response().setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.toLanguageTag())
                .putHeader("Retry-After", retryAfter)
                .end(body);
    }

    /** Permits free now; the limit when none is held. */
    public int available() {
        return permits == null ? Integer.MAX_VALUE : permits.availablePermits();
    }

    public int limit() {
        return limit;
    }
}
