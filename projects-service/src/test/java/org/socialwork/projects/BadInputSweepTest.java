package org.socialwork.projects;

import java.util.UUID;

import org.socialwork.infra.testing.contract.BadInputSweepTests;
import org.socialwork.infra.testing.contract.OpenApiOperations.Operation;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputSweepTest extends BadInputSweepTests {

    /** Only a field worker's token reaches the parameter checks of "my needs" (anyone else is refused first). */
    private static final UUID SWEEP_WORKER = UUID.fromString("5e0c2b7a-9d41-4f36-8a1e-3c7b6d2f0a95");

    @Override
    protected String tokenFor(Operation operation) {
        if ("listMyNeeds".equals(operation.operationId())) {
            return Fixtures.fieldWorker(SWEEP_WORKER);
        }
        return super.tokenFor(operation);
    }
}
