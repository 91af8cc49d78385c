package org.socialwork.platform.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.LockOptions;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxRecord, UUID> {

    /**
     * The oldest due rows, locked so that concurrent relays (several replicas) never take the
     * same row: {@code FOR UPDATE SKIP LOCKED}.
     */
    public List<OutboxRecord> lockDue(OffsetDateTime now, int batchSize) {
        return find("sentAt is null and nextAttemptAt <= ?1 order by seq", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .page(0, batchSize)
                .list();
    }

    /** Marks published rows in one statement. */
    public void markSent(List<UUID> ids, OffsetDateTime sentAt) {
        if (!ids.isEmpty()) {
            update("sentAt = ?1, lastError = null where id in ?2", sentAt, ids);
        }
    }

    public long pending() {
        return count("sentAt is null");
    }

    public OffsetDateTime oldestPendingAt() {
        return getEntityManager()
                .createQuery("select min(o.occurredAt) from OutboxRecord o where o.sentAt is null", OffsetDateTime.class)
                .getSingleResult();
    }

    public long deleteSentBefore(OffsetDateTime cutoff) {
        return delete("sentAt is not null and sentAt < ?1", cutoff);
    }
}
