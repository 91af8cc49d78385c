package org.socialwork.reporting.readmodel;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.socialwork.platform.time.BusinessClock;
import org.socialwork.reporting.support.Jdbc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Remembers, per consumer, the time of the newest event applied: every dashboard answers with it
 * as {@code asOf}, and {@code socialwork_reporting_lag_seconds} exposes now − that time.
 */
@ApplicationScoped
public class AppliedClock {

    @Inject
    Jdbc jdbc;

    @Inject
    MeterRegistry registry;

    @Inject
    BusinessClock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final AtomicReference<OffsetDateTime> latest = new AtomicReference<>();

    void registerGauge(@Observes StartupEvent event) {
        Gauge.builder("socialwork.reporting.lag.seconds", this, AppliedClock::lagSeconds)
                .description("Seconds since the time of the newest event applied to the read models")
                .register(registry);
    }

    /** Notes that {@code consumer} applied an event of {@code eventTime} in the current transaction; {@link #flush()} writes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tick(String consumer, OffsetDateTime eventTime) {
        @SuppressWarnings("unchecked")
        Map<String, OffsetDateTime> pending = (Map<String, OffsetDateTime>) transactions.getResource(AppliedClock.class);
        if (pending == null) {
            pending = new TreeMap<>();
            transactions.putResource(AppliedClock.class, pending);
        }
        pending.merge(consumer, eventTime, (a, b) -> b.isAfter(a) ? b : a);
    }

    /**
     * Writes the newest event time each consumer applied in the current transaction: one row update
     * per consumer and transaction, taken last, so that the instances sharing a consumer group hold
     * the row's lock only for the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        @SuppressWarnings("unchecked")
        Map<String, OffsetDateTime> pending = (Map<String, OffsetDateTime>) transactions.getResource(AppliedClock.class);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        pending.forEach((consumer, eventTime) -> {
            jdbc.update("""
                    insert into applied_clock (consumer, last_event_at, applied_at) values (?, ?, ?)
                    on conflict (consumer) do update set last_event_at = greatest(applied_clock.last_event_at, excluded.last_event_at),
                      applied_at = excluded.applied_at""", consumer, eventTime, clock.now());
            latest.accumulateAndGet(eventTime, (a, b) -> a == null || b.isAfter(a) ? b : a);
        });
        pending.clear();
    }

    /** Time of the newest event applied by any consumer, or null before the first one. */
    @Transactional
    public OffsetDateTime asOf() {
        return jdbc.one("select max(last_event_at) from applied_clock",
                rs -> rs.getObject(1, OffsetDateTime.class));
    }

    double lagSeconds() {
        OffsetDateTime last = latest.get();
        if (last == null) {
            return Double.NaN;
        }
        return Duration.between(last.toInstant(), clock.instant()).toMillis() / 1000.0;
    }
}
