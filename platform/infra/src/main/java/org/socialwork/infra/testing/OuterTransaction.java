package org.socialwork.infra.testing;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A transaction the test owns around a service call: the {@code @Transactional} service joins it,
 * and the test may throw after the call returned (its outbox append done), so that the whole unit
 * rolls back the way a failure later in the same request would.
 */
public final class OuterTransaction {

    private OuterTransaction() {
    }

    /** Thrown by the test after the service returned, to roll the unit back. */
    public static final class InjectedRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedRollback() {
            super("rollback injected by the atomicity test after the service call returned", null, false, false);
        }
    }

    /**
     * Runs {@code work} in a new transaction and commits it, or, when {@code rollback}, throws once
     * {@code work} returned so that everything it wrote is rolled back. Returns what {@code work}
     * returned in either case (a rolled-back create still names the id it would have had).
     */
    public static <T> T run(boolean rollback, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                result.set(work.get());
                if (rollback) {
                    throw new InjectedRollback();
                }
            });
        } catch (RuntimeException e) {
            if (!rollback || !injected(e)) {
                throw e;
            }
        }
        return result.get();
    }

    private static boolean injected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InjectedRollback) {
                return true;
            }
        }
        return false;
    }
}
