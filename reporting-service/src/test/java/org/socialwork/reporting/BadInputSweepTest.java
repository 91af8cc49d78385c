package org.socialwork.reporting;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.socialwork.infra.testing.contract.BadInputSweepTests;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputSweepTest extends BadInputSweepTests {

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected String schema() {
        return "reporting";
    }
}
