package org.socialwork.projects.openapi;

import java.util.List;

import org.socialwork.infra.testing.contract.OpenApiDocumentTests;

import io.quarkus.test.junit.QuarkusTest;

/** The contract rules of {@link OpenApiDocumentTests} on projects-service's live document. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentTests {

    @Override
    protected List<String> dtoPackages() {
        return List.of("org.socialwork.projects.project", "org.socialwork.projects.team",
                "org.socialwork.projects.record", "org.socialwork.projects.field", "org.socialwork.projects.client",
                "org.socialwork.projects.casework", "org.socialwork.projects.evaluation", "org.socialwork.projects.need",
                "org.socialwork.projects.resource", "org.socialwork.projects.catalogue", "org.socialwork.projects.disclosure",
                "org.socialwork.projects.period", "org.socialwork.projects.replica", "org.socialwork.platform.webhook");
    }
}
