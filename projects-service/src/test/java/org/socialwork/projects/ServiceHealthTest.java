package org.socialwork.projects;

import org.socialwork.infra.testing.ServiceSmokeTests;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceHealthTest extends ServiceSmokeTests {
}
