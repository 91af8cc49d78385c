package org.socialwork.infra.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.jwt.DevTokens;
import org.socialwork.infra.testing.contract.OpenApiOperations.Operation;

import io.restassured.RestAssured;

/**
 * Runs the {@link BadInputSweep} on a service started by {@code @QuarkusTest}. Extend it once per
 * service; override {@link #tokenFor} for operations a platform admin may not call.
 */
public abstract class BadInputSweepTests {

    protected String tokenFor(Operation operation) {
        return DevTokens.mint(DevTokens.Caller.platformAdmin());
    }

    @Test
    void everyOperationAnswersBadInputWithAProblemAndWritesNothing() {
        DatabaseRows rows = DatabaseRows.ofApplication();
        awaitQuiet(rows);
        String application = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        long maxJsonBody = ConfigProvider.getConfig().getOptionalValue("socialwork.http.max-json-body", Long.class).orElse(4_194_304L);
        BadInputSweep.Result result = new BadInputSweep("http://localhost:" + RestAssured.port, this::tokenFor, rows, maxJsonBody).run();
        BadInputSweep.record(result, application);
        System.out.println(application + " bad-input sweep: " + result.summary());
        assertThat(result.operations()).as("operations in the OpenAPI document").isPositive();
        assertThat(result.failures()).as(result.summary()).isEmpty();
    }

    /** Consumers of earlier tests' events may still be writing: start from a database at rest. */
    static void awaitQuiet(DatabaseRows rows) {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(rows.count());
        Awaitility.await("the schema's row counts to stop changing").atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(500))
                .until(() -> last.getAndSet(rows.count()).equals(last.get()));
    }
}
