package org.socialwork.platform.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.socialwork.platform.time.BusinessClock;

/**
 * Makes consumption idempotent: an event's effect runs only if its id was never processed here,
 * and a snapshot's only if it is newer than the version already applied for its aggregate. The
 * id and version are recorded in the consumer's schema in the same transaction as the effect.
 */
@ApplicationScoped
public class Inbox {

    /** What became of an event. */
    public enum Outcome {
        APPLIED, DUPLICATE, STALE
    }

    @Inject
    EntityManager em;

    @Inject
    BusinessClock clock;

    /** Applies a fact (no version): once per event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome apply(UUID eventId, String topic, Runnable effect) {
        if (!record(eventId, topic)) {
            return Outcome.DUPLICATE;
        }
        effect.run();
        return Outcome.APPLIED;
    }

    /** Applies a snapshot of {@code aggregateType}/{@code aggregateId} at {@code version}: once, and never over a newer one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome applySnapshot(UUID eventId, String topic, String aggregateType, String aggregateId, long version,
            Runnable effect) {
        if (!record(eventId, topic)) {
            return Outcome.DUPLICATE;
        }
        int advanced = em.createNativeQuery("""
                insert into inbox_snapshot_version (aggregate_type, aggregate_id, version) values (?1, ?2, ?3)
                on conflict (aggregate_type, aggregate_id) do update set version = excluded.version
                where inbox_snapshot_version.version < excluded.version""")
                .setParameter(1, aggregateType).setParameter(2, aggregateId).setParameter(3, version)
                .executeUpdate();
        if (advanced == 0) {
            return Outcome.STALE;
        }
        effect.run();
        return Outcome.APPLIED;
    }

    private boolean record(UUID eventId, String topic) {
        return em.createNativeQuery("""
                insert into inbox_event (event_id, topic, processed_at) values (?1, ?2, ?3)
                on conflict (event_id) do nothing""")
                .setParameter(1, eventId).setParameter(2, topic).setParameter(3, clock.now()).executeUpdate() == 1;
    }
}
