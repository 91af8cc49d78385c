package org.socialwork.infra.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * A failure at commit, for writers that commit on their own (a JDBC import, one transaction per
 * batch item) and so cannot join a transaction the test owns: a deferred constraint trigger that
 * refuses, when the transaction commits, every row of {@code table} whose name carries the mark.
 * The writer's rows and its outbox append are then rolled back together, or the outbox is not atomic.
 * Closing it drops the trigger, so other tests of the shared database never meet it.
 */
public final class CommitFault implements AutoCloseable {

    private final DataSource dataSource;
    private final String table;

    private CommitFault(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** Installs the fault on {@code table} (which has a {@code name} column) for names containing {@code mark}. */
    public static CommitFault install(DataSource dataSource, String table, String mark) throws SQLException {
        CommitFault fault = new CommitFault(dataSource, table);
        fault.execute("""
                create or replace function atomicity_test_fault() returns trigger language plpgsql as $$
                begin
                    raise exception 'atomicity test: fault injected at commit, after the write and its outbox append';
                end $$""",
                "drop trigger if exists atomicity_test_fault on " + table,
                "create constraint trigger atomicity_test_fault after insert or update on " + table
                        + " deferrable initially deferred for each row when (new.name like '%" + mark
                        + "%') execute function atomicity_test_fault()");
        return fault;
    }

    @Override
    public void close() throws SQLException {
        execute("drop trigger if exists atomicity_test_fault on " + table, "drop function if exists atomicity_test_fault()");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
