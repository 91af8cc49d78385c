package org.socialwork.reporting.reconciliation;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.socialwork.platform.reconciliation.SourceTotals;
import org.socialwork.reporting.ReportingConfig;
import org.socialwork.reporting.dashboard.Period;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Reads the producers' source totals with the caller's own token, so that each producer applies
 * the caller's scope itself. A lost connection or a slow answer is retried once; then it is the
 * caller's to report the producer as unavailable.
 */
@ApplicationScoped
public class ProducerTotals {

    @Inject
    ReportingConfig config;

    private final Map<Producer, SourceTotalsClient> clients = new EnumMap<>(Producer.class);

    @PostConstruct
    void build() {
        ReportingConfig.Reconciliation settings = config.reconciliation();
        long timeout = settings.timeout().toMillis();
        clients.put(Producer.STATIONS, client(settings.stationsUrl(), timeout));
        clients.put(Producer.PERSONNEL, client(settings.personnelUrl(), timeout));
        clients.put(Producer.PROJECTS, client(settings.projectsUrl(), timeout));
    }

    private static SourceTotalsClient client(URI base, long timeoutMillis) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(base)
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build(SourceTotalsClient.class);
    }

    /**
     * The totals of {@code producer} for {@code region}; a producer of current state is asked for
     * no period. The period goes as from/to, which every producer reads as the same days.
     */
    @Retry(maxRetries = 1, delay = 200, delayUnit = ChronoUnit.MILLIS, retryOn = {ProcessingException.class,
            org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class})
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    public SourceTotals read(Producer producer, String authorization, String region, Period period) {
        return clients.get(producer).get(authorization, region,
                producer.periodic ? period.start().toString() : null, producer.periodic ? period.end().toString() : null);
    }
}
