package org.socialwork.stations.openapi;

import java.util.List;

import org.socialwork.infra.testing.contract.OpenApiDocumentTests;

import io.quarkus.test.junit.QuarkusTest;

/** The contract rules of {@link OpenApiDocumentTests} on stations-service's live document. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentTests {

    @Override
    protected List<String> dtoPackages() {
        return List.of("org.socialwork.stations.station", "org.socialwork.stations.agency",
                "org.socialwork.stations.region", "org.socialwork.platform.webhook");
    }
}
