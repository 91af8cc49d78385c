package org.socialwork.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a bad moment from a bad event. A failure is transient when retrying the same event later can
 * succeed: the database connection dropped or the server restarts (SQL state class 08, 57), a
 * serialization or deadlock conflict (40), resources ran out (53), a lock or statement timed out
 * (55P03, 57014), or no pooled connection could be had in time (the pool's own SQLException, which
 * carries no SQL state: the fault suite saw events dead-lettered while the database link was frozen),
 * or the commit itself failed without a reason the transaction manager kept: a one-phase commit whose
 * connection dropped ends in a {@code RollbackException} with no cause (the fault suite's second
 * finding; the I/O error is only logged), while a failure before the commit (a flush, a constraint)
 * is chained to it and judged by itself. Retrying a commit that did land is harmless: the inbox then
 * finds the event processed. Such an event is retried, never dead-lettered; anything else is the
 * event's fault.
 */
public final class TransientFailures {

    private static final Set<String> CLASSES = Set.of("08", "40", "53", "57");
    private static final Set<String> STATES = Set.of("55P03", "55006");
    /** Persistence-layer names of the same conditions, for when no SQLException is in the chain. */
    private static final Set<String> TYPES = Set.of("jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException", "jakarta.persistence.QueryTimeoutException",
            "org.hibernate.exception.JDBCConnectionException", "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException", "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException");

    private static final String POOL_PACKAGE = "io.agroal.";

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLTransientException || e instanceof SQLRecoverableException || TYPES.contains(e.getClass().getName())) {
                return true;
            }
            if (e instanceof jakarta.transaction.RollbackException && e.getCause() == null) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() == null && raisedByThePool(sql)) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (STATES.contains(state) || state.length() >= 2 && CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Agroal's "acquisition timeout" and its kin: the pool could not hand out a connection, whatever the event. */
    private static boolean raisedByThePool(SQLException failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(POOL_PACKAGE);
    }
}
