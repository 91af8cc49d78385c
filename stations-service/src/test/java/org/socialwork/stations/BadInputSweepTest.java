package org.socialwork.stations;

import org.socialwork.infra.testing.contract.BadInputSweepTests;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputSweepTest extends BadInputSweepTests {
}
