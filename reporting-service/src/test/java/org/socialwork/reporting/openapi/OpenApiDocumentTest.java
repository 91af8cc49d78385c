package org.socialwork.reporting.openapi;

import java.util.List;

import org.socialwork.infra.testing.contract.OpenApiDocumentTests;
import org.socialwork.reporting.bulletin.BulletinRequests;
import org.socialwork.reporting.report.ReportRequests;

import io.quarkus.test.junit.QuarkusTest;

/** The contract rules of {@link OpenApiDocumentTests} on reporting-service's live document. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentTests {

    @Override
    protected List<String> dtoPackages() {
        return List.of("org.socialwork.reporting.report", "org.socialwork.reporting.bulletin",
                "org.socialwork.reporting.dashboard", "org.socialwork.reporting.ranking", "org.socialwork.reporting.warning",
                "org.socialwork.reporting.rebuild", "org.socialwork.reporting.export");
    }

    @Override
    protected List<Class<?>> dtoHolders() {
        return List.of(ReportRequests.class, BulletinRequests.class);
    }
}
