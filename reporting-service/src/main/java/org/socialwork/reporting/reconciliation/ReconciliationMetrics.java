package org.socialwork.reporting.reconciliation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.socialwork.reporting.reconciliation.ReconciliationView.Status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The last reconciliation computed (by any caller, for any region and period), as gauges:
 * {@code socialwork_reconciliation_difference{service, measure}} (reporting − source; 0 when they
 * agree), {@code socialwork_reconciliation_source_up{service}} (1 when the producer answered) and
 * {@code socialwork_reconciliation_consistent} (1 or 0). They change only when the endpoint is called:
 * an operator, or the fault suite's checker, calls it for the region it watches.
 */
@ApplicationScoped
public class ReconciliationMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> differences = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> up = new ConcurrentHashMap<>();
    private final AtomicLong consistent = new AtomicLong(-1);
    private volatile boolean registered;

    void record(ReconciliationView view) {
        if (!registered) {
            synchronized (this) {
                if (!registered) {
                    Gauge.builder("socialwork.reconciliation.consistent", consistent, AtomicLong::get)
                            .description("1 when the last reconciliation found every figure equal, 0 when not")
                            .register(registry);
                    registered = true;
                }
            }
        }
        consistent.set(view.consistent() ? 1 : 0);
        // A measure that the last reconciliation did not name agrees (zero on both sides).
        differences.values().forEach(v -> v.set(0));
        for (ReconciliationView.Figure figure : view.figures()) {
            if (figure.difference() != null) {
                gauge(differences, "socialwork.reconciliation.difference", figure.service(), figure.measure())
                        .set(figure.difference());
            }
        }
        for (ReconciliationView.SourceStatus source : view.sources()) {
            gauge(up, "socialwork.reconciliation.source.up", source.service(), null).set(source.status() == Status.OK ? 1 : 0);
        }
    }

    private AtomicLong gauge(Map<String, AtomicLong> gauges, String name, String service, String measure) {
        return gauges.computeIfAbsent(service + "|" + measure, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.Builder<AtomicLong> builder = Gauge.builder(name, value, AtomicLong::get).tag("service", service);
            if (measure != null) {
                builder.tag("measure", measure);
            }
            builder.register(registry);
            return value;
        });
    }
}
