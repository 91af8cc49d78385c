package org.socialwork.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a consumer is restarting or stopped, or while a group has more events left to
 * apply than {@code socialwork.consumers.max-ready-lag}: the read models it feeds would be served
 * stale or frozen. The data names each group with its state, lag and restart count.
 */
@Readiness
@ApplicationScoped
public class EventConsumersHealth implements HealthCheck {

    public static final String NAME = "event-consumers";

    @Inject
    EventConsumers consumers;

    @Inject
    ConsumersConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        if (!consumers.enabled()) {
            return response.withData("enabled", false).build();
        }
        response.withData("max-ready-lag", config.maxReadyLag());
        for (EventConsumers.GroupStatus group : consumers.status()) {
            boolean ready = group.state() == EventConsumers.State.RUNNING && group.lag() <= config.maxReadyLag();
            if (!ready) {
                response.down();
            }
            response.withData(group.group(), group.state() + ", lag " + group.lag() + ", restarts " + group.restarts()
                    + (group.lastFailure() == null ? "" : ", last failure " + group.lastFailure()));
        }
        return response.build();
    }
}
