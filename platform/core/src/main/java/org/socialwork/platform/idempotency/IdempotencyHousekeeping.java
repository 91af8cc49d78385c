package org.socialwork.platform.idempotency;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;

/** Forgets idempotency keys after their retention: clients retry within hours, not weeks. */
@ApplicationScoped
public class IdempotencyHousekeeping {

    @Inject
    Idempotency idempotency;

    @ConfigProperty(name = "socialwork.idempotency.retention", defaultValue = "P2D")
    Duration retention;

    @Scheduled(every = "1h", delayed = "1m")
    void purge() {
        idempotency.purgeOlderThan(retention);
    }
}
